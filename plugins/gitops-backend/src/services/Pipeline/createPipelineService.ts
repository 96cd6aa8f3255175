import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  ClusterLinks,
  ObjectStatus,
  PipelineCommit,
  PipelineEnvironment,
  PipelineGap,
  PipelineTarget,
  RunningVersion,
} from '@gitops-portal/plugin-gitops-common';
import {
  configRepoUrl,
  readConfigRepoLocation,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { engineLinkTemplate, fillLinkTemplate } from './linkTemplates';
import {
  isCommitSha,
  PipelineColumn,
  pipelineColumns,
} from './pipelineColumns';
import {
  CommitDetailsUnavailable,
  createPipelineGithub,
  PipelineGithub,
} from './pipelineGithub';
import { chartsFromObject, mergeVersions } from './runningVersion';
import { PipelineService } from './types';
import { versionChanges } from './versionChanges';
import { configRepoReads } from './configRepoReads';

const NO_CONFIG_REPO =
  'No config repo is configured (gitops.configRepo): commit details are not shown';

const reasonOf = (error: unknown) => {
  if (error instanceof CommitDetailsUnavailable) return error.message;
  throw error;
};

export function createPipelineService(options: {
  config: Config;
  logger: LoggerService;
  /** The environments in delivery order (clusters/environments.ts). */
  environments: () => string[];
  /** Deep-link templates by cluster name (`gitops.clusters[].links`). */
  links: Map<string, ClusterLinks>;
}): PipelineService {
  const { config, logger, links } = options;
  const location = readConfigRepoLocation(config);
  const github: PipelineGithub | undefined = location
    ? createPipelineGithub({ config, logger, location })
    : undefined;

  /** Values every link template of the config repo may use. */
  const repoValues = location
    ? { owner: location.owner, repo: location.repo }
    : {};

  /** A commit with the cluster's own commit and pull request links, where it has templates for them. */
  function linked(commit: PipelineCommit, cluster: string): PipelineCommit {
    const templates = links.get(cluster);
    const url = fillLinkTemplate(templates?.commit, {
      ...repoValues,
      sha: commit.sha,
    });
    const pullUrl =
      commit.pullRequest &&
      fillLinkTemplate(templates?.pullRequest, {
        ...repoValues,
        number: commit.pullRequest.number,
      });
    return {
      ...commit,
      ...(url ? { url } : {}),
      ...(commit.pullRequest && pullUrl
        ? { pullRequest: { ...commit.pullRequest, url: pullUrl } }
        : {}),
    };
  }

  async function commitOf(column: PipelineColumn) {
    const { revision } = column;
    if (!isCommitSha(revision)) return undefined;
    const cluster = column.targets[0].cluster;
    if (!github)
      return linked({ sha: revision, unavailable: NO_CONFIG_REPO }, cluster);
    const commit = await github
      .describe(revision)
      .catch(error => ({ sha: revision, unavailable: reasonOf(error) }));
    return linked(commit, cluster);
  }

  const isConfigRepo = (url: string) =>
    !!location && sameRepo(url, configRepoUrl(location));

  /**
   * A target's version: its charts as the object reports them, and what the config repo says it deploys at the
   * commit it is synced at (its directories, the values files its Helm sources read from the config repo).
   */
  async function targetVersion(target: ObjectStatus): Promise<RunningVersion> {
    const charts = chartsFromObject(target);
    if (!github) return { images: [], charts };
    const versions = await Promise.all(
      configRepoReads(target, isConfigRepo).map(read =>
        ('dir' in read
          ? github.version(read.dir, read.revision)
          : github.valuesVersion(read.valueFiles, read.revision)
        ).catch(error => {
          reasonOf(error);
          return { images: [], charts: [] };
        }),
      ),
    );
    return mergeVersions([...versions, { images: [], charts }]);
  }

  function toTarget(object: ObjectStatus): PipelineTarget {
    const url = fillLinkTemplate(
      engineLinkTemplate(links.get(object.cluster), object.kind),
      {
        ...repoValues,
        cluster: object.cluster,
        namespace: object.namespace,
        name: object.name,
      },
    );
    return {
      key: object.key,
      kind: object.kind,
      cluster: object.cluster,
      ...(object.namespace ? { namespace: object.namespace } : {}),
      name: object.name,
      sync: object.sync,
      health: object.health.status,
      ...(object.health.message
        ? { healthMessage: object.health.message }
        : {}),
      ...(object.revision ? { revision: object.revision } : {}),
      ...(url ? { url } : {}),
      ...(object.stale ? { stale: object.stale } : {}),
    };
  }

  async function environmentOf(
    column: PipelineColumn,
  ): Promise<PipelineEnvironment> {
    const [commit, versions] = await Promise.all([
      commitOf(column),
      Promise.all(column.targets.map(targetVersion)),
    ]);
    return {
      environment: column.environment,
      sync: column.sync,
      health: column.health,
      ...(commit ? { commit } : {}),
      version: mergeVersions(versions),
      ...(column.changedAt ? { changedAt: column.changedAt } : {}),
      targets: column.targets.map(toTarget),
    };
  }

  async function gapOf(
    service: string,
    from: PipelineEnvironment,
    to: PipelineEnvironment,
  ): Promise<PipelineGap> {
    const gap = {
      from: from.environment,
      to: to.environment,
      versionChanges: versionChanges(from.version, to.version),
    };
    const ahead = from.commit?.sha;
    const behind = to.commit?.sha;
    if (!ahead || !behind) {
      const without = !ahead ? from.environment : to.environment;
      return {
        ...gap,
        commitsUnavailable: `${without} runs no config-repo commit the portal can compare`,
      };
    }
    if (!github) return { ...gap, commitsUnavailable: NO_CONFIG_REPO };
    try {
      const commits = await github.between([`apps/${service}`], behind, ahead);
      const cluster = from.targets[0].cluster;
      return {
        ...gap,
        commitsNotPromoted: commits.map(commit => linked(commit, cluster)),
      };
    } catch (error) {
      return { ...gap, commitsUnavailable: reasonOf(error) };
    }
  }

  return {
    async pipeline({ entityRef, service, objects }) {
      const environments = await Promise.all(
        pipelineColumns(objects, options.environments(), isConfigRepo).map(
          environmentOf,
        ),
      );
      const gaps = await Promise.all(
        environments
          .slice(1)
          .map((to, i) => gapOf(service, environments[i], to)),
      );
      return {
        entityRef,
        ...(location
          ? { configRepo: `${location.owner}/${location.repo}` }
          : {}),
        environments,
        gaps,
      };
    },
  };
}
