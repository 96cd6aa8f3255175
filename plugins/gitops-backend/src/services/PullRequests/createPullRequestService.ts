import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  ConfigRepoChange,
  OverlayRevert,
  openConfigRepoPullRequest,
  portalBranchName,
  previewConfigRepoPullRequest,
  assertPromotionOrder,
  promotionChange,
  promotionSummary,
  readBranchPrefix,
  readConfigRepoLocation,
  readEnvironmentOrder,
  readValidationOptions,
  revertLastChange,
  rollbackTarget,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import {
  PromotionServiceRequest,
  PullRequestService,
  RollbackServiceRequest,
} from './types';
import { ValidationEstateService } from '../ValidationEstate';
import { ConfigRepoLayout } from '../ConfigRepoLayout';
import {
  ConfigRepoAccess,
  configRepoOpener,
  openerForRequest,
} from './configRepoAccess';

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
  /** The target environment's clusters' CRDs and policies for validation; absent: the config repo's only. */
  validationEstate?: Pick<ValidationEstateService, 'forEnvironment'>;
  /** Which files a change edits, from the live objects and the path template; absent: the fixed layouts only. */
  layout?: ConfigRepoLayout;
}): PullRequestService {
  const { config, logger } = options;
  const openRepo = configRepoOpener({
    config,
    logger,
    configRepo: readConfigRepoLocation(config),
  });
  const validation = readValidationOptions(config);
  const branchPrefix = readBranchPrefix(config);
  const environmentOrder = readEnvironmentOrder(config);

  /** One delivery pull request: its branch, title and labels, and how to build its change from the repo. */
  interface DeliveryRequest {
    entityRef: string;
    branch: string;
    title: string;
    labels: string[];
    /** Reads the repo (opening the one the change is written to, and any other it reads) to build the change. */
    prepare: (openRepoOf: typeof openRepo) => Promise<{
      /** The repo the change is written to. */
      target: ConfigRepoAccess;
      change: ConfigRepoChange;
      body: string;
      /** Where each environment's files came from, for the preview. */
      filesFrom?: string[];
    }>;
    nothingToDo: string;
    /** The environment the change deploys to: its clusters' estates join validation. */
    environment?: string;
  }

  /**
   * The writer's options for a request (`prepare` has read the repo to build the change and its body), and where
   * the change's files came from.
   */
  async function writerOptions(request: DeliveryRequest) {
    const { target, change, body, filesFrom } = await request.prepare(
      openerForRequest(openRepo),
    );
    const writer = {
      octokit: target.octokit,
      owner: target.owner,
      repo: target.repo,
      baseBranch: target.baseBranch,
      branch: request.branch,
      branchPrefix,
      title: request.title,
      body,
      labels: request.labels,
      change,
      validate: {
        ...validation,
        clusterEstates:
          request.environment && options.validationEstate
            ? await options.validationEstate.forEnvironment(request.environment)
            : undefined,
      },
      logger,
    };
    return { writer, filesFrom };
  }

  /** Opens one validated PR on the config repo. */
  async function open(request: DeliveryRequest) {
    const { writer } = await writerOptions(request);
    const result = await openConfigRepoPullRequest(writer);
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
    const { writer, filesFrom } = await writerOptions(request);
    const result = await previewConfigRepoPullRequest(writer);
    return filesFrom ? { ...result, filesFrom } : result;
  }

  /** What the live objects and the path template say of one environment's files (nothing without a layout). */
  async function located(entityRef: string, environment: string) {
    const layout = options.layout;
    if (!layout) return {};
    return {
      live: await layout.liveFiles(entityRef, environment),
      templates: layout.templates,
    };
  }

  function promotion({
    entityRef,
    service,
    from,
    to,
    version,
  }: PromotionServiceRequest): DeliveryRequest {
    // With gitops.environments configured, only to a later environment (any, not only the next).
    assertPromotionOrder(environmentOrder, from, to);
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
      prepare: async openRepoOf => {
        // However the estate pins the version: image tags or digests, Helm values, chart versions.
        const [fromFiles, toFiles] = await Promise.all([
          located(entityRef, from),
          located(entityRef, to),
        ]);
        // Written where `to`'s live objects deploy from; `from` read where its own deploy from (another repo or
        // branch) when they name that.
        const target = await openRepoOf(
          toFiles.live?.repoUrl,
          toFiles.live?.revision,
        );
        const fromUrl = fromFiles.live?.repoUrl;
        const opened =
          fromUrl && (await openRepoOf(fromUrl, fromFiles.live?.revision));
        const source =
          opened &&
          (!sameRepo(opened.url, target.url) ||
            opened.baseBranch !== target.baseBranch)
            ? opened
            : undefined;
        const plan = await promotionChange(target.reader, target.baseBranch, {
          service,
          from,
          to,
          version,
          live: fromFiles.live && { from: fromFiles.live, to: toFiles.live },
          templates: fromFiles.templates,
          fromRepo: source && {
            reader: source.reader,
            ref: source.baseBranch,
          },
        });
        return {
          target,
          change: plan.change,
          body: [
            `Promotes \`${service}\` ${
              version ? `version \`${version}\` ` : ''
            }from \`${from}\` to \`${to}\`, requested from the portal for \`${entityRef}\`.`,
            '',
            ...promotionSummary(plan.promoted),
            '',
            'Files found:',
            ...plan.filesFrom.map(line => `- ${line}`),
          ].join('\n'),
          filesFrom: plan.filesFrom,
        };
      },
      nothingToDo: `Nothing to promote: ${to} already runs the image of ${from}`,
      environment: to,
    };
  }

  function rollback({
    entityRef,
    service,
    environment,
    toRevision,
  }: RollbackServiceRequest): DeliveryRequest {
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
      prepare: async openRepoOf => {
        // The environment's folder or file, found as promotions find it (live objects, path template, layouts),
        // in the repo its live objects deploy from.
        const files = await located(entityRef, environment);
        const repo = await openRepoOf(
          files.live?.repoUrl,
          files.live?.revision,
        );
        const { reader, baseBranch } = repo;
        const target = await rollbackTarget(reader, baseBranch, {
          service,
          environment,
          ...files,
        });
        const overlay = target.path;
        const revert = await revertLastChange(reader, baseBranch, overlay, {
          toRevision,
        });
        return {
          target: repo,
          change: { files: revert.files },
          body: rollbackBody(entityRef, overlay, revert, !!toRevision),
          filesFrom: [`${environment}: ${target.origin}`],
        };
      },
      nothingToDo: toRevision
        ? `Nothing to roll back in ${environment}: the overlay already matches ${toRevision}`
        : `Nothing to roll back in ${environment}`,
      environment,
    };
  }

  return {
    promote: async request => open(promotion(request)),
    previewPromotion: async request => preview(promotion(request)),
    rollback: request => open(rollback(request)),
    previewRollback: request => preview(rollback(request)),
  };
}
