import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  ConfigRepoChange,
  ConfigRepoReader,
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  OverlayRevert,
  openConfigRepoPullRequest,
  portalBranchName,
  previewConfigRepoPullRequest,
  promotionEdit,
  readBranchPrefix,
  readConfigRepoLocation,
  readValidationOptions,
  revertLastChange,
} from '@gitops-portal/plugin-gitops-node';
import {
  PromotionServiceRequest,
  PullRequestService,
  RollbackServiceRequest,
} from './types';

/** The PR body: which revision the overlay goes back to (full SHA, so reviewers can check it). */
function rollbackBody(
  entityRef: string,
  overlay: string,
  revert: OverlayRevert,
  toRevision: boolean,
): string {
  const requested = `requested from the portal for \`${entityRef}\`.`;
  if (!toRevision) {
    return `Reverts ${revert.commitSha.slice(0, 7)} ("${
      revert.commitMessage
    }") on \`${overlay}\`, ${requested}`;
  }
  const { sha, message } = revert.revision;
  return `Restores \`${overlay}\` to its content at revision ${sha} ("${message}"), ${requested}`;
}

export function createPullRequestService(options: {
  config: RootConfigService;
  logger: LoggerService;
}): PullRequestService {
  const { config, logger } = options;
  const configRepo = readConfigRepoLocation(config);
  const validation = readValidationOptions(config);
  const branchPrefix = readBranchPrefix(config);

  /** One delivery pull request: its branch, title and labels, and how to build its change from the repo. */
  interface DeliveryRequest {
    entityRef: string;
    branch: string;
    title: string;
    labels: string[];
    prepare: (
      reader: ConfigRepoReader,
      baseBranch: string,
    ) => Promise<{ change: ConfigRepoChange; body: string }>;
    nothingToDo: string;
  }

  /** The writer's options for a request: `prepare` has read the repo to build the change and its body. */
  async function writerOptions(request: DeliveryRequest) {
    if (!configRepo) {
      throw new InputError(
        'gitops.configRepo is not configured: pull requests need the GitOps config repo',
      );
    }
    const { owner, repo, branch: baseBranch } = configRepo;
    const octokit = await createGithubClient({
      config,
      repoUrl: configRepoUrl(configRepo),
      logger,
    });
    const { change, body } = await request.prepare(
      createConfigRepoReader(octokit, { owner, repo }),
      baseBranch,
    );
    return {
      octokit,
      owner,
      repo,
      baseBranch,
      branch: request.branch,
      branchPrefix,
      title: request.title,
      body,
      labels: request.labels,
      change,
      validate: validation,
      logger,
    };
  }

  /** Opens one validated PR on the config repo. */
  async function open(request: DeliveryRequest) {
    const result = await openConfigRepoPullRequest(
      await writerOptions(request),
    );
    if (result.status === 'empty' || !result.url || !result.number) {
      throw new ConflictError(request.nothingToDo);
    }
    logger.info(`gitops: pull request ${result.status}`, {
      entityRef: request.entityRef,
      url: result.url,
    });
    return { url: result.url, number: result.number, branch: result.branch };
  }

  /** The change `open` would propose, validated, as diffs; nothing is written. */
  async function preview(request: DeliveryRequest) {
    return previewConfigRepoPullRequest(await writerOptions(request));
  }

  function promotion({
    entityRef,
    service,
    from,
    to,
  }: PromotionServiceRequest): DeliveryRequest {
    return {
      entityRef,
      branch: portalBranchName({
        prefix: branchPrefix,
        action: 'promote',
        entity: service,
        id: to,
      }),
      title: `Promote ${service} ${from} → ${to}`,
      labels: ['gitops', 'promotion'],
      prepare: async (reader, baseBranch) => ({
        // Helm services pin the image in values.yaml, Kustomize ones in the overlay.
        change: {
          yamlEdits: [
            await promotionEdit(reader, baseBranch, { service, from, to }),
          ],
        },
        body: `Promotes the image of \`${service}\` from \`${from}\` to \`${to}\`, requested from the portal for \`${entityRef}\`.`,
      }),
      nothingToDo: `Nothing to promote: ${to} already runs the image of ${from}`,
    };
  }

  function rollback({
    entityRef,
    service,
    environment,
    toRevision,
  }: RollbackServiceRequest): DeliveryRequest {
    const overlay = `apps/${service}/overlays/${environment}`;
    return {
      entityRef,
      branch: portalBranchName({
        prefix: branchPrefix,
        action: 'rollback',
        entity: service,
        id: environment,
      }),
      title: toRevision
        ? `Roll back ${service} in ${environment} to ${toRevision.slice(0, 7)}`
        : `Roll back ${service} in ${environment}`,
      labels: ['gitops', 'rollback'],
      prepare: async (reader, baseBranch) => {
        const revert = await revertLastChange(reader, baseBranch, overlay, {
          toRevision,
        });
        return {
          change: { files: revert.files },
          body: rollbackBody(entityRef, overlay, revert, !!toRevision),
        };
      },
      nothingToDo: toRevision
        ? `Nothing to roll back in ${environment}: the overlay already matches ${toRevision}`
        : `Nothing to roll back in ${environment}`,
    };
  }

  return {
    promote: request => open(promotion(request)),
    previewPromotion: request => preview(promotion(request)),
    rollback: request => open(rollback(request)),
    previewRollback: request => preview(rollback(request)),
  };
}
