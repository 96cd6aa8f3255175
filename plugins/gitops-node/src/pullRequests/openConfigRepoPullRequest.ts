import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { BlobReader, readBaseSnapshot, RepoRef } from '../changes/baseSnapshot';
import { resolveChange } from '../changes/resolveChange';
import { ConfigRepoChange, ResolvedChange } from '../changes/types';
import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import { GithubClient } from '../github/createGithubClient';
import { githubErrorInfo, toSafeGithubError } from '../github/errors';
import { renderValidationMarkdown } from '../validation/markdown';
import { planValidation } from '../validation/planValidation';
import { ValidationOptions } from '../validation/config';
import { ValidationResult } from '../validation/types';
import {
  isBlocking,
  validateConfigRepoChange,
} from '../validation/validateConfigRepoChange';
import { assertBranchWritable } from './assertBranchWritable';
import { assertBranchInput, DEFAULT_BRANCH_PREFIX } from './branchNames';
import { decoratePullRequest } from './decoratePullRequest';
import { ensureBranch } from './ensureBranch';
import { pullRequestBody } from './pullRequestBody';
import {
  createOrFindPullRequest,
  findOpenPullRequest,
} from './ensurePullRequest';

/**
 * Validation settings (`readValidationOptions(config)`, or any part of it); `false` turns validation off (not
 * recommended outside tests of the writer itself).
 *
 * @public
 */
export type ValidateOption = false | Partial<ValidationOptions>;

/**
 * Options of `openConfigRepoPullRequest`: the repository, the branches, the change and how it is validated.
 *
 * @public
 */
export interface OpenConfigRepoPullRequestOptions {
  octokit: GithubClient;
  owner: string;
  repo: string;
  /** Default `main`. */
  baseBranch?: string;
  /**
   * The change branch, under `branchPrefix`: deterministic per request (see
   * `portalBranchName`, e.g. `gitops/promote/web-prod`) so a re-run finds
   * its branch and PR. Never the base, default or a protected branch.
   */
  branch: string;
  /** The folder of the portal's branches (`gitops.pullRequests.branchPrefix`, see `readBranchPrefix`). Default `gitops/`. */
  branchPrefix?: string;
  title: string;
  /** Markdown; the validation summary is appended. */
  body?: string;
  /** Commit message; default the title. */
  commitMessage?: string;
  labels?: string[];
  reviewers?: string[];
  teamReviewers?: string[];
  draft?: boolean;
  change: ConfigRepoChange;
  /** Default `{ kubectlPath: 'kubectl' }`. */
  validate?: ValidateOption;
  logger?: LoggerService;
}

/**
 * Whether the pull request was opened, updated with a new commit, left unchanged, or not opened because the change leaves every file as it is.
 *
 * @public
 */
export type ConfigRepoPullRequestStatus =
  | 'opened'
  | 'updated'
  | 'unchanged'
  | 'empty';

/**
 * What `openConfigRepoPullRequest` did: the branch, the pull request and the files its commit changes.
 *
 * @public
 */
export interface ConfigRepoPullRequestResult {
  status: ConfigRepoPullRequestStatus;
  branch: string;
  /** Set unless the status is `empty`. */
  url?: string;
  number?: number;
  /** The commit the branch points at. */
  commitSha?: string;
  /** The files the commit changes (`null` = deleted); empty for `empty`. */
  changedFiles: string[];
  validation: ValidationResult;
  /** Labels or reviewers GitHub refused; the PR is open regardless. */
  warnings: string[];
}

const NOT_VALIDATED: ValidationResult = {
  ok: true,
  overlays: [],
  manifests: [],
  violations: [],
};

function assertOptions(o: OpenConfigRepoPullRequestOptions) {
  assertBranchInput({
    branch: o.branch,
    baseBranch: o.baseBranch ?? 'main',
    prefix: o.branchPrefix ?? DEFAULT_BRANCH_PREFIX,
  });
  if (typeof o.title !== 'string' || o.title.trim() === '') {
    throw new InputError('A pull request needs a title');
  }
  for (const list of [o.labels, o.reviewers, o.teamReviewers]) {
    if (
      list &&
      !list.every(item => typeof item === 'string' && item.trim() !== '')
    ) {
      throw new InputError('Labels and reviewers must be non-empty strings');
    }
  }
}

function validationError(result: ValidationResult): InputError {
  const blocking = result.violations.filter(isBlocking);
  const lines = blocking
    .slice(0, 20)
    .map(
      v =>
        `${v.file}: [${v.rule}${v.policy ? ` ${v.policy}` : ''}] ${v.message}`,
    );
  const more =
    blocking.length > 20 ? `\n…and ${blocking.length - 20} more` : '';
  return new InputError(
    `The change fails validation:\n${lines.join('\n')}${more}`,
  );
}

async function validate(
  change: ResolvedChange,
  options: OpenConfigRepoPullRequestOptions,
  base: Awaited<ReturnType<typeof readBaseSnapshot>>,
  readBlob: BlobReader,
): Promise<ValidationResult> {
  if (options.validate === false) return NOT_VALIDATED;
  const plan = await planValidation(
    change,
    base,
    readBlob,
    options.validate?.policies,
    options.validate?.crdPaths,
  );
  return validateConfigRepoChange({
    ...plan,
    kubectlPath: options.validate?.kubectlPath,
    helmPath: options.validate?.helmPath,
    timeoutMs: options.validate?.timeoutMs,
    rules: options.validate?.rules,
    kubernetesVersion: options.validate?.kubernetesVersion,
    clusterEstates: options.validate?.clusterEstates,
  });
}

/**
 * Writes a change to the config repo as one commit on a deterministic branch
 * and opens (or updates) its pull request. Everything is checked and
 * validated before the first write; see the README for the exact API calls.
 * Throws InputError for bad input or failed validation (nothing is pushed),
 * ConflictError when the branch is the default or a protected branch, or
 * holds a commit the portal did not write (see "Branches" in the README).
 *
 * @public
 */
export async function openConfigRepoPullRequest(
  options: OpenConfigRepoPullRequestOptions,
): Promise<ConfigRepoPullRequestResult> {
  assertOptions(options);
  const { octokit, owner, branch, logger } = options;
  const repo: RepoRef = { octokit, owner, repo: options.repo };
  const baseBranch = options.baseBranch ?? 'main';
  const step = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      // Only GitHub's answers (they carry a status) are rebuilt; our own errors pass through.
      if (
        error instanceof InputError ||
        githubErrorInfo(error).status === undefined
      ) {
        throw error;
      }
      throw toSafeGithubError(error, action);
    }
  };

  await step(`Checking branch ${branch}`, () =>
    assertBranchWritable(repo, branch),
  );
  const reader = createConfigRepoReader(octokit, { owner, repo: options.repo });
  const base = await step(
    `Reading ${owner}/${options.repo}@${baseBranch}`,
    () => readBaseSnapshot(repo, reader, baseBranch),
  );
  const readBlob = reader.readBlob;
  const change = await step('Reading the files to edit', () =>
    resolveChange(options.change, base, readBlob),
  );
  const changedFiles = Object.keys(change).sort();
  if (changedFiles.length === 0) {
    logger?.info(
      `No change to ${owner}/${options.repo}; no pull request for ${branch}`,
    );
    return {
      status: 'empty',
      branch,
      changedFiles,
      validation: NOT_VALIDATED,
      warnings: [],
    };
  }
  const validation = await step('Reading the files to validate', () =>
    validate(change, options, base, readBlob),
  );
  if (!validation.ok) throw validationError(validation);
  const body = pullRequestBody(
    options.body,
    options.validate === false ? '' : renderValidationMarkdown(validation),
  );

  const tree = await step('Creating the tree', () =>
    octokit.git.createTree({
      owner,
      repo: options.repo,
      base_tree: base.treeSha,
      tree: changedFiles.map(path =>
        change[path] === null
          ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
          : {
              path,
              // Keep an executable bit the base file has.
              mode:
                base.entries.get(path)?.mode === '100755'
                  ? ('100755' as const)
                  : ('100644' as const),
              type: 'blob' as const,
              content: change[path]!,
            },
      ),
    }),
  );
  const outcome = await step(`Updating branch ${branch}`, () =>
    ensureBranch(repo, {
      branch,
      baseSha: base.commitSha,
      treeSha: tree.data.sha,
      message: options.commitMessage ?? options.title,
    }),
  );
  const fields = {
    baseBranch,
    branch,
    title: options.title,
    body,
    draft: options.draft,
  };

  return step(`Opening the pull request for ${branch}`, async () => {
    const existing =
      outcome.kind === 'created'
        ? undefined
        : await findOpenPullRequest(repo, branch);
    let status: ConfigRepoPullRequestStatus;
    let pull;
    if (existing) {
      pull = existing;
      status = outcome.kind === 'moved' ? 'updated' : 'unchanged';
      if (status === 'updated') {
        await octokit.pulls.update({
          owner,
          repo: options.repo,
          pull_number: pull.number,
          title: options.title,
          body,
        });
      }
    } else {
      pull = await createOrFindPullRequest(repo, fields);
      status = 'opened';
    }
    // Labels are re-applied on updates (idempotent); reviewers are asked once, when the PR opens.
    const warnings =
      status === 'unchanged'
        ? []
        : await decoratePullRequest(
            repo,
            pull.number,
            { ...options, requestReviewers: status === 'opened' },
            logger,
          );
    logger?.info(
      `Pull request #${pull.number} ${status} for ${owner}/${options.repo} ${branch}`,
    );
    return {
      status,
      branch,
      url: pull.url,
      number: pull.number,
      commitSha: outcome.commitSha,
      changedFiles,
      validation,
      warnings,
    };
  });
}
