import {
  ConfigRepoChange,
  ConfigRepoReader,
  createConfigRepoReader,
  GithubClient,
  openConfigRepoPullRequest,
  readValidationOptions,
} from '@gitops-portal/plugin-gitops-node';
import { ConfigRepo, configRepoClient } from './configRepo';
import { ConfigRepoActionContext } from './createConfigRepoAction';
import { dryRunDiff } from './dryRunDiff';
import { createSecretMask } from './secretMask';
import { GitopsActionDeps } from './types';

/** The pull request options every action takes (see `pullRequestInputFields`). */
export interface PullRequestInput {
  baseBranch?: string;
  branch?: string;
  title?: string;
  description?: string;
  labels?: string[];
  reviewers?: string[];
  teamReviewers?: string[];
  draft?: boolean;
}

/** A type alias (not an interface) so it is a JsonValue the checkpoint can store. */
export type PullRequestOutcome = {
  status: 'opened' | 'updated' | 'unchanged' | 'empty' | 'dry-run';
  branch: string;
  pullRequestUrl: string;
  pullRequestNumber: number;
  changedFiles: string[];
};

export interface RunPullRequestOptions {
  ctx: ConfigRepoActionContext;
  deps: GitopsActionDeps;
  target: ConfigRepo;
  input: PullRequestInput;
  /** Used when the input gives none. */
  defaultBranch: string;
  defaultTitle: string;
  /**
   * What the change does (a "Requested by" line follows). A function is
   * called after `change`, so the body can describe what it read.
   */
  defaultBody: string | (() => string);
  /** Builds the change from the base branch (`baseBranch` input, default `main`); it reads, never writes. */
  change: (
    reader: ConfigRepoReader,
    baseBranch: string,
  ) => Promise<ConfigRepoChange>;
}

/** Thrown by the dry-run client at the first write; the writer's reads and validation have run. */
class DryRunHalt extends Error {}

/** A dry run uses the real reads and validation, and stops at the first write (the tree) to report it. */
function haltOnFirstWrite(octokit: GithubClient) {
  const captured: { tree?: Array<{ path: string; content?: string }> } = {};
  octokit.hook.wrap('request', async (request, options) => {
    if (options.method !== 'GET' && options.method !== 'HEAD') {
      captured.tree = (options.tree ?? []) as typeof captured.tree;
      throw new DryRunHalt(`dry run: not sending ${options.method}`);
    }
    return request(options);
  });
  return captured;
}

/**
 * Opens (or updates) the pull request of one action run. The writes run in a
 * checkpoint keyed by the branch, so a task resumed after a restart reuses
 * the first run's result instead of writing again.
 */
export async function runConfigRepoPullRequest(
  options: RunPullRequestOptions,
): Promise<PullRequestOutcome> {
  const { ctx, deps, target, input } = options;
  const branch = input.branch ?? options.defaultBranch;
  const baseBranch = input.baseBranch ?? 'main';
  const validate = readValidationOptions(deps.config);
  const prOptions = {
    owner: target.owner,
    repo: target.repo,
    baseBranch,
    branch,
    // A secret form field a template put into the title or body stays out of the pull request.
    title: createSecretMask(ctx.secrets)(input.title ?? options.defaultTitle),
    labels: input.labels,
    reviewers: input.reviewers,
    teamReviewers: input.teamReviewers,
    draft: input.draft,
    validate,
    logger: ctx.logger,
  };

  const outcome = ctx.isDryRun
    ? await dryRun(options, prOptions)
    : await ctx.checkpoint<PullRequestOutcome>({
        key: `gitops-pull-request:${target.owner}/${target.repo}:${branch}`,
        fn: async () => {
          const octokit = await configRepoClient(deps, target);
          const change = await options.change(
            createConfigRepoReader(octokit, target),
            baseBranch,
          );
          const result = await openConfigRepoPullRequest({
            ...prOptions,
            body: bodyOf(options),
            octokit,
            change,
          });
          for (const warning of result.warnings) ctx.logger.warn(warning);
          return {
            status: result.status,
            branch: result.branch,
            pullRequestUrl: result.url ?? '',
            pullRequestNumber: result.number ?? 0,
            changedFiles: result.changedFiles,
          };
        },
      });

  for (const [name, value] of Object.entries(outcome)) {
    ctx.output(name, value);
  }
  ctx.logger.info(
    `Config repo pull request ${outcome.status}: ${
      outcome.pullRequestUrl || outcome.branch
    }`,
  );
  return outcome;
}

function bodyOf(options: RunPullRequestOptions): string {
  const mask = createSecretMask(options.ctx.secrets);
  const { description } = options.input;
  if (description !== undefined) return mask(description);
  const what =
    typeof options.defaultBody === 'function'
      ? options.defaultBody()
      : options.defaultBody;
  const requested = `Requested by ${
    options.ctx.user?.ref ?? 'the scaffolder'
  }.`;
  return mask(what ? `${what}\n\n${requested}` : requested);
}

async function dryRun(
  options: RunPullRequestOptions,
  prOptions: Omit<
    Parameters<typeof openConfigRepoPullRequest>[0],
    'octokit' | 'change'
  > & { baseBranch: string },
): Promise<PullRequestOutcome> {
  const octokit = await configRepoClient(options.deps, options.target);
  const captured = haltOnFirstWrite(octokit);
  const reader = createConfigRepoReader(octokit, options.target);
  const change = await options.change(reader, prOptions.baseBranch);
  try {
    const result = await openConfigRepoPullRequest({
      ...prOptions,
      body: bodyOf(options),
      octokit,
      change,
    });
    // Only an empty change gets here: the writer returns before any write.
    return {
      status: result.status,
      branch: result.branch,
      pullRequestUrl: '',
      pullRequestNumber: 0,
      changedFiles: [],
    };
  } catch (error) {
    if (!captured.tree) throw error;
  }
  // A diff against the base branch, never whole files: Secret values and the task's secrets are masked.
  const mask = createSecretMask(options.ctx.secrets);
  const entries = captured.tree;
  for (const entry of entries) {
    const before = await reader.readFile(entry.path, prOptions.baseBranch);
    const verb = entry.content === undefined ? 'delete' : 'write';
    options.ctx.logger.info(
      mask(
        `dry run: would ${verb} ${entry.path}\n${dryRunDiff(
          entry.path,
          before,
          entry.content,
          mask,
        )}`,
      ),
    );
  }
  return {
    status: 'dry-run',
    branch: prOptions.branch,
    pullRequestUrl: '',
    pullRequestNumber: 0,
    changedFiles: entries.map(entry => entry.path).sort(),
  };
}
