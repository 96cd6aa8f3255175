/*
 * Benchmark: GitHub API calls per pull request, whatever the file count.
 * Starts a github-emulator in a temp dir, opens one PR per file count through
 * the production client, and prints one JSON line per run.
 *
 *   node --require ../../node_modules/@backstage/cli/config/nodeTransform.cjs bench/prCalls.ts [counts…]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGithubEmulator } from '@internal/github-emulator';
import { createGithubClient, openConfigRepoPullRequest } from '../src';

async function main() {
  const counts = process.argv.slice(2).map(Number);
  const dir = await mkdtemp(join(tmpdir(), 'gitops-node-bench-'));
  const emulator = await startGithubEmulator({
    dataDir: dir,
    tokens: ['bench-token'],
  });
  try {
    for (const count of counts.length > 0 ? counts : [1, 10, 100, 1000]) {
      const repo = `bench-${count}`;
      await emulator.createRepo('acme', repo, {
        files: { 'README.md': '# bench\n' },
      });
      const octokit = await createGithubClient({
        baseUrl: emulator.url,
        token: 'bench-token',
      });
      const calls: string[] = [];
      octokit.hook.before(
        'request',
        options => void calls.push(`${options.method} ${options.url}`),
      );
      const files = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `docs/file-${i}.md`,
          `# file ${i}\n`,
        ]),
      );
      const started = Date.now();
      const result = await openConfigRepoPullRequest({
        octokit,
        owner: 'acme',
        repo,
        branch: `bench/${count}`,
        title: `Bench ${count}`,
        change: { files },
        validate: false,
      });
      process.stdout.write(
        `${JSON.stringify({
          files: count,
          status: result.status,
          apiCalls: calls.length,
          createTreeCalls: calls.filter(
            c => c === 'POST /repos/{owner}/{repo}/git/trees',
          ).length,
          blobCalls: calls.filter(c => c.includes('/git/blobs')).length,
          ms: Date.now() - started,
        })}\n`,
      );
    }
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
