import { InputError, NotFoundError } from '@backstage/errors';
import { ConfigRepoReader } from '../configRepo/types';
import { restoreFiles } from './overlayFiles';

/**
 * What `revertLastChange` found to undo: the commit it reverts, the revision it restores and the files that change.
 *
 * @public
 */
export interface OverlayRevert {
  /** The last commit on the branch touching the overlay (the newest change undone). */
  commitSha: string;
  commitMessage: string;
  /** The revision whose content the change restores: that commit's parent, or `toRevision` (with its message). */
  revision: { sha: string; message?: string };
  /** The overlay's files as at `revision` (`null`: delete); unchanged files are left out. */
  files: Record<string, string | null>;
}

export interface RevertOptions {
  /**
   * A commit SHA (7 to 40 hex characters) of the branch's history: restore
   * the directory to its content there instead of reverting the last change.
   */
  toRevision?: string;
}

const COMMIT_SHA = /^[0-9a-f]{7,40}$/i;

/**
 * `toRevision` resolved through a comparison with the branch: one call says
 * whether the commit exists (404 otherwise) and whether the branch contains it.
 */
async function resolveRevision(
  reader: ConfigRepoReader,
  branch: string,
  toRevision: string,
) {
  if (!COMMIT_SHA.test(toRevision)) {
    throw new InputError(
      `toRevision must be a commit SHA (7 to 40 hex characters), got "${toRevision}"`,
    );
  }
  const comparison = await reader.compare(toRevision, branch);
  if (!comparison) {
    const { owner, repo } = reader.id;
    throw new NotFoundError(`No commit ${toRevision} in ${owner}/${repo}`);
  }
  if (comparison.status !== 'ahead' && comparison.status !== 'identical') {
    throw new InputError(
      `${toRevision} is not in the history of ${branch}; roll back only to a revision that was merged`,
    );
  }
  return { sha: comparison.base.sha, message: comparison.base.message };
}

/**
 * The change that takes `dir` (a folder, or one file) back on `branch`: by default to before the last
 * commit touching it (a revert of that commit's effect on `dir`), or with
 * `toRevision` to its content at that revision. Only reads.
 *
 * @public
 */
export async function revertLastChange(
  reader: ConfigRepoReader,
  branch: string,
  dir: string,
  options: RevertOptions = {},
): Promise<OverlayRevert> {
  const last = await reader.lastCommitTouching(dir, branch);
  if (!last) throw new InputError(`No commit touches ${dir} on ${branch}`);

  let revision: OverlayRevert['revision'];
  if (options.toRevision) {
    revision = await resolveRevision(reader, branch, options.toRevision);
  } else {
    const parent = last.parentSha;
    if (!parent) {
      throw new InputError(
        `${dir} was created by the first commit; there is nothing to roll back to`,
      );
    }
    revision = { sha: parent };
  }

  // `dir` may be one file (an environment's file in a folder shared by several services).
  const filesAt = async (sha: string) => {
    const files = await reader.listFiles(dir, sha);
    if (files.length > 0) return files;
    const { entries } = await reader.readTree(sha);
    return entries.filter(entry => entry.type === 'blob' && entry.path === dir);
  };
  const [now, then] = await Promise.all([
    filesAt(last.sha),
    filesAt(revision.sha),
  ]);
  if (then.length === 0) {
    const short = revision.sha.slice(0, 7);
    if (options.toRevision) {
      throw new NotFoundError(`${dir} does not exist at ${short}`);
    }
    throw new InputError(
      `${dir} did not exist before ${last.sha.slice(
        0,
        7,
      )}; decommission the service instead`,
    );
  }
  return {
    commitSha: last.sha,
    commitMessage: last.message,
    revision,
    files: await restoreFiles(reader, now, then),
  };
}
