import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertSafeRepoPath } from '../changes/safety';

/**
 * Writes repo files (path → text) to a fresh temp directory, runs `use` on it and removes it whatever happens:
 * the checkout that kustomize and helm render from. Every path is checked first, so none escapes the directory.
 * `prefix` names the directory (`gitops-validate-`, `gitops-live-diff-`), for whoever finds one left behind.
 *
 * @alpha
 */
export async function withTempCheckout<T>(
  prefix: string,
  files: Record<string, string>,
  use: (root: string) => Promise<T>,
): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  try {
    for (const [path, text] of Object.entries(files)) {
      assertSafeRepoPath(path);
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return await use(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
