import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KubeObject, parseObjects } from '@internal/kube-emulator';

// Always async: the GitHub emulator answering these fetches may run in this very process.
const run = promisify(execFile);

/** An object of the config repo's `clusters/<env>/` tree and the file it came from. */
export interface DesiredObject {
  object: KubeObject;
  file: string;
}

/** The operator's working clone of the config repo (what Argo CD's repo-server or Flux's source-controller keep). */
export class ConfigRepoCheckout {
  constructor(
    readonly dir: string,
    private readonly gitUrl: string,
    private readonly branch: string,
  ) {}

  private git(...args: string[]) {
    return run('git', ['-C', this.dir, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).then(r => r.stdout);
  }

  /** Clones on first use, then fetches the branch. */
  async fetch(): Promise<void> {
    if (!existsSync(join(this.dir, '.git'))) {
      await run('git', ['clone', '-q', '--no-checkout', this.gitUrl, this.dir]);
    }
    await this.git(
      'fetch',
      '-q',
      'origin',
      `+refs/heads/${this.branch}:refs/remotes/origin/${this.branch}`,
    );
  }

  /** Puts the working tree at a commit, for `kubectl kustomize`. */
  async checkout(commit: string): Promise<void> {
    await this.git('checkout', '-q', '-f', '--detach', commit);
  }

  async changedFiles(from: string, to: string): Promise<string[]> {
    const out = await this.git('diff', '--name-only', from, to);
    return out.split('\n').filter(Boolean);
  }

  /** The contents of files at a commit, read by one `git cat-file --batch`. */
  private readFiles(
    commit: string,
    files: string[],
  ): Promise<Map<string, Buffer>> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['-C', this.dir, 'cat-file', '--batch']);
      const chunks: Buffer[] = [];
      child.stdout.on('data', chunk => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', code => {
        if (code !== 0) return reject(new Error(`git cat-file exited ${code}`));
        const out = Buffer.concat(chunks);
        const result = new Map<string, Buffer>();
        let offset = 0;
        for (const file of files) {
          const eol = out.indexOf(10, offset);
          const [, type, size] = out
            .subarray(offset, eol)
            .toString()
            .split(' ');
          offset = eol + 1;
          if (type !== 'blob') continue; // "<name> missing"
          result.set(file, out.subarray(offset, offset + Number(size)));
          offset += Number(size) + 1;
        }
        return resolve(result);
      });
      child.stdin.end(files.map(f => `${commit}:${f}\n`).join(''));
    });
  }

  /** Every object under `clusters/<cluster>/` at a commit; unparsable files are reported and skipped. */
  async clusterObjects(
    commit: string,
    cluster: string,
    onError: (file: string, error: Error) => void,
  ): Promise<DesiredObject[]> {
    const files = (
      await this.git(
        'ls-tree',
        '-r',
        '--name-only',
        commit,
        '--',
        `clusters/${cluster}/`,
      )
    )
      .split('\n')
      .filter(f => /\.ya?ml$/.test(f));
    const contents = await this.readFiles(commit, files);
    const result: DesiredObject[] = [];
    for (const [file, content] of contents) {
      try {
        for (const object of parseObjects(content.toString('utf8')))
          result.push({ object, file });
      } catch (error) {
        onError(file, error as Error);
      }
    }
    return result;
  }
}
