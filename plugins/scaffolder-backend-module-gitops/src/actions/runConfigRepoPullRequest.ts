import {
  ConfigRepoChange,
  ConfigRepoReader,
  createConfigRepoReader,
  openConfigRepoPullRequest,
  portalBranchName,
  previewConfigRepoPullRequest,
  readBranchPrefix,
  readValidationOptions,
} from '@gitops-portal/plugin-gitops-node';
import { ConfigRepo, configRepoClient } from './configRepo';
import { ConfigRepoActionContext } from './createConfigRepoAction';
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
  /** The environments the change deploys to: their clusters' CRDs and policies join validation. */
  environments?: string[];
  /**
   * The portal's branch for this request when the input names none: `<prefix><action>/<entity>[-<id>]`, under
   * `gitops.pullRequests.branchPrefix`. A function of the request only, so a re-run updates the same PR.
   */
  defaultBranch: { action: string; entity: string; id?: string };
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

/**
 * The options of a change to one environment of a service: that environment's clusters join validation, and the
 * default branch is `<prefix><action>/<service>-<environment>`.
 */
export const serviceEnvironmentChange = (
  action: string,
  input: { service: string; environment: string },
): Pick<RunPullRequestOptions, 'environments' | 'defaultBranch'> => ({
  environments: [input.environment],
  defaultBranch: { action, entity: input.service, id: input.environment },
});

const settingsByConfig = new WeakMap<
  object,
  {
    branchPrefix: string;
    validation: ReturnType<typeof readValidationOptions>;
  }
>();

/**
 * The branch prefix and validation settings of a config, read (and checked) once per config, not on every run:
 * the module reads them at start-up, so a bad key stops the backend instead of the first task.
 */
export function pullRequestSettingsOf(config: GitopsActionDeps['config']) {
  let settings = settingsByConfig.get(config);
  if (!settings) {
    settings = {
      branchPrefix: readBranchPrefix(config),
      validation: readValidationOptions(config),
    };
    settingsByConfig.set(config, settings);
  }
  return settings;
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
  const { branchPrefix, validation } = pullRequestSettingsOf(deps.config);
  const branch =
    input.branch ??
    portalBranchName({ prefix: branchPrefix, ...options.defaultBranch });
  const baseBranch = input.baseBranch ?? 'main';
  const validate = {
    ...validation,
    clusterEstates:
      options.environments && deps.clusterEstates
        ? await deps.clusterEstates(options.environments)
        : undefined,
  };
  const prOptions = {
    owner: target.owner,
    repo: target.repo,
    baseBranch,
    branch,
    branchPrefix,
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

/** A dry run: the real reads, checks and validation, then the change as diffs in the log (secrets masked). */
async function dryRun(
  options: RunPullRequestOptions,
  prOptions: Omit<
    Parameters<typeof openConfigRepoPullRequest>[0],
    'octokit' | 'change'
  > & { baseBranch: string },
): Promise<PullRequestOutcome> {
  const octokit = await configRepoClient(options.deps, options.target);
  const reader = createConfigRepoReader(octokit, options.target);
  const change = await options.change(reader, prOptions.baseBranch);
  const mask = createSecretMask(options.ctx.secrets);
  const preview = await previewConfigRepoPullRequest({
    ...prOptions,
    body: bodyOf(options),
    octokit,
    change,
    mask,
  });
  for (const file of preview.files) {
    options.ctx.logger.info(
      mask(`dry run: would ${file.change} ${file.path}\n${file.diff}`),
    );
  }
  return {
    status: preview.status === 'empty' ? 'empty' : 'dry-run',
    branch: preview.branch,
    pullRequestUrl: '',
    pullRequestNumber: 0,
    changedFiles: preview.files.map(file => file.path),
  };
}
