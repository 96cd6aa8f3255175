import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, GitRunOptions, runGit } from './run';

export const ZERO_SHA = '0'.repeat(40);
const SHA_PATTERN = /^[0-9a-f]{40}$/;

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && SHA_PATTERN.test(value);
}

export interface RefEntry {
  ref: string;
  sha: string;
  type: string;
}

/** One bare repository on disk, driven through the git CLI. */
export class GitRepo {
  constructor(readonly path: string) {}

  static async init(path: string, defaultBranch: string): Promise<GitRepo> {
    await mkdir(path, { recursive: true });
    const repo = new GitRepo(path);
    await repo.run([
      'init',
      '--quiet',
      '--bare',
      `--initial-branch=${defaultBranch}`,
      path,
    ]);
    return repo;
  }

  async run(args: string[], options?: GitRunOptions): Promise<Buffer> {
    return (await runGit(this.path, args, options)).stdout;
  }

  async text(args: string[], options?: GitRunOptions): Promise<string> {
    return (await this.run(args, options)).toString('utf8').trim();
  }

  /** Resolves a user-supplied revision to an object of the given kind, or null. */
  async resolve(
    rev: string,
    kind: 'commit' | 'tree' | 'object' = 'commit',
  ): Promise<string | null> {
    if (!rev || rev.startsWith('-')) return null;
    const result = await runGit(
      this.path,
      [
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${rev}^{${kind}}`,
      ],
      { okCodes: [0, 1, 128] },
    );
    const sha = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && isSha(sha) ? sha : null;
  }

  /** The branch HEAD points at, i.e. the default branch. */
  async defaultBranch(): Promise<string> {
    // A bare repo's HEAD is a symref file, `ref: refs/heads/<branch>`: reading it spares a git process on every
    // pull request and repository answer. Anything else is git's to interpret.
    const head = await readFile(join(this.path, 'HEAD'), 'utf8').catch(
      () => '',
    );
    const branch = /^ref: refs\/heads\/(\S+)\n?$/.exec(head)?.[1];
    return branch ?? this.text(['symbolic-ref', '--short', 'HEAD']);
  }

  async setDefaultBranch(branch: string): Promise<void> {
    await this.run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  }

  /** Refs whose full name starts with `prefix` (a plain string prefix, like GitHub's matching-refs). */
  async listRefs(prefix = 'refs/'): Promise<RefEntry[]> {
    const out = await this.text([
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(objecttype)',
    ]);
    return out
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [ref, sha, type] = line.split('\0');
        return { ref, sha, type };
      })
      .filter(entry => entry.ref.startsWith(prefix));
  }

  async getRef(ref: string): Promise<RefEntry | null> {
    const refs = await this.listRefs(ref);
    return refs.find(entry => entry.ref === ref) ?? null;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.listRefs()).length === 0;
  }

  /**
   * Atomic compare-and-swap of a ref: succeeds only if the ref still holds
   * `expected` (null: the ref must not exist yet). Returns false when another
   * writer got there first, so no concurrent commit is silently lost.
   */
  async compareAndSwapRef(
    ref: string,
    next: string,
    expected: string | null,
  ): Promise<boolean> {
    try {
      await this.run(['update-ref', ref, next, expected ?? ZERO_SHA]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError) return false;
      throw error;
    }
  }

  /** Deletes a ref if it still holds `expected`; false when it moved or vanished. */
  async deleteRef(ref: string, expected: string): Promise<boolean> {
    try {
      await this.run(['update-ref', '-d', ref, expected]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError) return false;
      throw error;
    }
  }

  async isValidRefName(ref: string): Promise<boolean> {
    if (ref.startsWith('-')) return false;
    const result = await runGit(this.path, ['check-ref-format', ref], {
      okCodes: [0, 1],
    });
    return result.exitCode === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await runGit(
      this.path,
      ['merge-base', '--is-ancestor', ancestor, descendant],
      { okCodes: [0, 1] },
    );
    return result.exitCode === 0;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const result = await runGit(this.path, ['merge-base', a, b], {
      okCodes: [0, 1],
    });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  async countCommits(range: string): Promise<number> {
    return Number(await this.text(['rev-list', '--count', range]));
  }

  async objectType(sha: string): Promise<string | null> {
    if (!isSha(sha)) return null;
    const result = await runGit(this.path, ['cat-file', '-t', sha], {
      okCodes: [0, 1, 128],
    });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  async writeBlob(content: Buffer): Promise<string> {
    return this.text(['hash-object', '-w', '--stdin'], { input: content });
  }

  /**
   * Writes many blobs with one `git fast-import` instead of a `hash-object` per blob (a repo seeded with a
   * config tree, a tree with many inline files); answers their SHAs in order.
   */
  async writeBlobs(contents: Buffer[]): Promise<string[]> {
    if (contents.length === 0) return [];
    const stream: Buffer[] = [];
    contents.forEach((content, i) => {
      stream.push(
        Buffer.from(`blob\nmark :${i + 1}\ndata ${content.length}\n`),
        content,
        Buffer.from('\n'),
      );
    });
    contents.forEach((_, i) =>
      stream.push(Buffer.from(`get-mark :${i + 1}\n`)),
    );
    const out = await this.text(['fast-import', '--quiet', '--done'], {
      input: Buffer.concat([...stream, Buffer.from('done\n')]),
    });
    const shas = out.split('\n');
    if (shas.length !== contents.length || !shas.every(isSha)) {
      throw new Error(`git fast-import answered ${shas.length} blob ids`);
    }
    return shas;
  }

  async readBlob(sha: string): Promise<Buffer> {
    return this.run(['cat-file', 'blob', sha]);
  }
}
