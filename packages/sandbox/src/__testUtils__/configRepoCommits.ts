import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

// Async: the GitHub emulator answering the push runs in the test's own process.
const run = promisify(execFile);

/** A developer's clone of the config repo: commits land on main by a real `git push`, like a merged PR. */
export class ConfigRepoClone {
  private cloned = false;

  constructor(private readonly dir: string, private readonly gitUrl: string) {}

  private git(...args: string[]) {
    return run(
      'git',
      [
        '-C',
        this.dir,
        '-c',
        'user.name=Dev',
        '-c',
        'user.email=dev@example.com',
        ...args,
      ],
      { encoding: 'utf8' },
    ).then(r => r.stdout.trim());
  }

  /** Writes (or, for `null`, deletes) files in one commit on main, pushes it, and returns its SHA. */
  async commit(
    files: Record<string, string | null>,
    message: string,
  ): Promise<string> {
    if (!this.cloned) {
      await run('git', ['clone', '-q', this.gitUrl, this.dir]);
      this.cloned = true;
    }
    await this.git('fetch', '-q', 'origin', 'main');
    await this.git('reset', '-q', '--hard', 'origin/main');
    for (const [path, content] of Object.entries(files)) {
      const file = join(this.dir, path);
      if (content === null) rmSync(file, { recursive: true, force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    await this.git('add', '-A');
    await this.git('commit', '-q', '-m', message);
    await this.git('push', '-q', 'origin', 'HEAD:main');
    return this.git('rev-parse', 'HEAD');
  }
}
