import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { branchNameProblem } from '@gitops-portal/plugin-gitops-common';

/**
 * Where the portal's branches live unless `gitops.pullRequests.branchPrefix` names another folder.
 *
 * @alpha
 */
export const DEFAULT_BRANCH_PREFIX = 'gitops/';

/** The config key of the branch prefix. */
const BRANCH_PREFIX_KEY = 'gitops.pullRequests.branchPrefix';

/** Why `prefix` cannot be a branch prefix, or undefined: it must end with '/' so it names a folder of branches. */
function prefixProblem(prefix: string): string | undefined {
  if (!prefix.endsWith('/')) return "must end with '/'";
  const problem = branchNameProblem(`${prefix}x`);
  return problem && `makes branch names that are invalid: ${problem}`;
}

/**
 * The folder of the portal's branches from `gitops.pullRequests.branchPrefix` (default `gitops/`). A prefix that
 * cannot name a folder of valid branches is refused at start-up, naming the key, rather than at the first write.
 *
 * @alpha
 */
export function readBranchPrefix(config: Config): string {
  const prefix =
    config.getOptionalString(BRANCH_PREFIX_KEY) ?? DEFAULT_BRANCH_PREFIX;
  const problem = prefixProblem(prefix);
  if (problem) {
    throw new InputError(
      `${BRANCH_PREFIX_KEY} ${JSON.stringify(prefix)} ${problem}`,
    );
  }
  return prefix;
}

/**
 * The portal's own branch for a request, `<prefix><action>/<entity>[-<id>]`,
 * e.g. `gitops/promote/web-prod`. The name is a function of the request
 * only, so a re-run finds the branch (and pull request) of the first run.
 *
 * @alpha
 */
export function portalBranchName(options: {
  prefix?: string;
  action: string;
  entity: string;
  id?: string;
}): string {
  const { prefix = DEFAULT_BRANCH_PREFIX, action, entity, id } = options;
  const branch = `${prefix}${action}/${entity}${id ? `-${id}` : ''}`;
  assertBranchName('branch', branch);
  return branch;
}

function assertBranchName(field: string, branch: string): void {
  const problem =
    typeof branch === 'string' ? branchNameProblem(branch) : 'is not a string';
  if (problem) {
    throw new InputError(
      `${field} ${JSON.stringify(
        String(branch).slice(0, 200),
      )} is not a valid branch name: it ${problem}`,
    );
  }
}

/**
 * The checks on the branch pair that need no request: both are plain branch
 * names (git's check-ref-format rules), the change branch sits under the
 * portal's prefix and is not the base branch. The repo-side checks (default
 * and protected branches) are in `assertBranchWritable`.
 */
export function assertBranchInput(options: {
  branch: string;
  baseBranch: string;
  prefix: string;
}): void {
  const { branch, baseBranch, prefix } = options;
  const badPrefix = prefixProblem(prefix);
  if (badPrefix) {
    throw new InputError(
      `The branch prefix ${JSON.stringify(prefix)} ${badPrefix}`,
    );
  }
  assertBranchName('branch', branch);
  assertBranchName('baseBranch', baseBranch);
  if (!branch.startsWith(prefix) || branch.length === prefix.length) {
    throw new InputError(
      `branch ${JSON.stringify(
        branch,
      )} is outside the portal's branches: it must start with ${JSON.stringify(
        prefix,
      )}`,
    );
  }
  if (branch === baseBranch) {
    throw new InputError(
      `branch ${JSON.stringify(
        branch,
      )} is the base branch; a change needs its own branch`,
    );
  }
}
