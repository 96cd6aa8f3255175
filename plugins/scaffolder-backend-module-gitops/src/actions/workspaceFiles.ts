import { lstat, readdir, readFile } from 'node:fs/promises';
import { posix, resolve, sep } from 'node:path';
import { InputError } from '@backstage/errors';

/** A relative path without `..`, `.`, empty segments or backslashes. */
function assertRelative(path: string, what: string) {
  const segments = path.split('/');
  if (
    path.startsWith('/') ||
    path.includes('\\') ||
    segments.some(s => s === '..' || s === '.')
  ) {
    throw new InputError(
      `${what} must be a relative path without '..': ${path}`,
    );
  }
}

/**
 * The files under `sourcePath` of the task workspace, keyed by their path
 * under `targetPath` in the config repo. Symlinks are refused (they could
 * point outside the workspace); `.git` directories are skipped.
 */
export async function readWorkspaceFiles(
  workspacePath: string,
  sourcePath: string,
  targetPath: string,
): Promise<Record<string, string>> {
  assertRelative(sourcePath, 'sourcePath');
  assertRelative(targetPath, 'targetPath');
  const root = resolve(workspacePath, sourcePath);
  if (
    root !== resolve(workspacePath) &&
    !root.startsWith(resolve(workspacePath) + sep)
  ) {
    throw new InputError(`sourcePath leaves the workspace: ${sourcePath}`);
  }
  const files: Record<string, string> = {};
  const walk = async (dir: string, relative: string): Promise<void> => {
    const stat = await lstat(dir).catch(() => undefined);
    if (!stat) throw new InputError(`sourcePath does not exist: ${sourcePath}`);
    if (stat.isSymbolicLink()) {
      throw new InputError(
        `Refusing the symlink ${relative || sourcePath} in the workspace`,
      );
    }
    if (stat.isFile()) {
      const target = posix.join(targetPath, relative);
      files[target] = await readFile(dir, 'utf8');
      return;
    }
    if (!stat.isDirectory()) return;
    for (const name of (await readdir(dir)).sort()) {
      if (name === '.git') continue;
      await walk(resolve(dir, name), relative ? `${relative}/${name}` : name);
    }
  };
  await walk(root, '');
  return files;
}
