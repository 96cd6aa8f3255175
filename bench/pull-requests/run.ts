/**
 * Benchmark: GitHub API calls and secondary-rate-limit points per pull request,
 * for 1, 10 and 100 files, on one github-emulator:
 *
 * - `gitops`: `openConfigRepoPullRequest` (one `createTree` with inline contents);
 * - `blobPerFile`: the flow of Backstage's `publish:github:pull-request`
 *   (`octokit-plugin-create-pull-request`): one `createBlob` per file, then
 *   tree, commit, ref and pull, written here with plain Octokit calls.
 *
 * Points follow GitHub's documented secondary limits: 1 per GET (or HEAD),
 * 5 per POST/PATCH/PUT/DELETE. Prints one JSON line.
 *
 *   node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs bench/pull-requests/run.ts [counts…]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGithubEmulator } from '@internal/github-emulator';
import {
  createGithubClient,
  openConfigRepoPullRequest,
} from '@gitops-portal/plugin-gitops-node';
import { Octokit } from '@octokit/rest';

const TOKEN = 'bench-token';
const OWNER = 'acme';

type Tally = { calls: number; points: number; writes: number };

/** Counts every request the client sends (retries included: they cost the same). */
function countRequests(octokit: Octokit): Tally {
  const tally: Tally = { calls: 0, points: 0, writes: 0 };
  octokit.hook.before('request', options => {
    const read = options.method === 'GET' || options.method === 'HEAD';
    tally.calls += 1;
    tally.points += read ? 1 : 5;
    if (!read) tally.writes += 1;
  });
  return tally;
}

function benchFiles(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `apps/bench/files/file-${i}.yaml`,
      `# file ${i}\nkey: value-${i}\n`,
    ]),
  );
}

/** What `octokit-plugin-create-pull-request` does for a new branch: blob per file, tree, commit, ref, pull. */
async function blobPerFilePullRequest(
  octokit: Octokit,
  repo: string,
  branch: string,
  files: Record<string, string>,
) {
  const { data: base } = await octokit.git.getRef({
    owner: OWNER,
    repo,
    ref: 'heads/main',
  });
  const { data: baseCommit } = await octokit.git.getCommit({
    owner: OWNER,
    repo,
    commit_sha: base.object.sha,
  });
  const tree = [];
  for (const [path, content] of Object.entries(files)) {
    const { data: blob } = await octokit.git.createBlob({
      owner: OWNER,
      repo,
      content: Buffer.from(content).toString('base64'),
      encoding: 'base64',
    });
    tree.push({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      sha: blob.sha,
    });
  }
  const { data: newTree } = await octokit.git.createTree({
    owner: OWNER,
    repo,
    base_tree: baseCommit.tree.sha,
    tree,
  });
  const { data: commit } = await octokit.git.createCommit({
    owner: OWNER,
    repo,
    message: `Bench ${branch}`,
    tree: newTree.sha,
    parents: [base.object.sha],
  });
  await octokit.git.createRef({
    owner: OWNER,
    repo,
    ref: `refs/heads/${branch}`,
    sha: commit.sha,
  });
  await octokit.pulls.create({
    owner: OWNER,
    repo,
    head: branch,
    base: 'main',
    title: `Bench ${branch}`,
  });
}

async function main() {
  const args = process.argv.slice(2).map(Number);
  const counts = args.length > 0 ? args : [1, 10, 100];
  const dir = await mkdtemp(join(tmpdir(), 'bench-pull-requests-'));
  const emulator = await startGithubEmulator({ dataDir: dir, tokens: [TOKEN] });
  try {
    const results = [];
    for (const count of counts) {
      const files = benchFiles(count);

      const gitopsRepo = `gitops-${count}`;
      await emulator.createRepo(OWNER, gitopsRepo, {
        files: { 'README.md': '# bench\n' },
      });
      const production = await createGithubClient({
        baseUrl: emulator.url,
        token: TOKEN,
      });
      const gitops = countRequests(production);
      const result = await openConfigRepoPullRequest({
        octokit: production,
        owner: OWNER,
        repo: gitopsRepo,
        branch: `bench/${count}`,
        title: `Bench ${count}`,
        change: { files },
        validate: false,
      });
      if (result.status !== 'opened')
        throw new Error(`gitops: ${result.status}`);

      // Plain Octokit: the throttling plugin would only add waiting, not calls.
      const blobRepo = `blob-per-file-${count}`;
      await emulator.createRepo(OWNER, blobRepo, {
        files: { 'README.md': '# bench\n' },
      });
      const plain = new Octokit({ auth: TOKEN, baseUrl: emulator.url });
      const blobPerFile = countRequests(plain);
      await blobPerFilePullRequest(plain, blobRepo, `bench/${count}`, files);

      results.push({ files: count, gitops, blobPerFile });
    }
    process.stdout.write(
      `${JSON.stringify({ bench: 'pull-requests', results })}\n`,
    );
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
