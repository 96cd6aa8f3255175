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
  readConfigRepoLocation,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { ConfigRepoLayout } from '../ConfigRepoLayout';
import {
  deliveringEnvironments,
  EnvironmentRepo,
  EnvironmentRepoAnswer,
  environmentRepoFinder,
  repoNames,
  serviceFolders,
} from '../Deliveries/environmentRepos';
import { engineLinkTemplate, fillLinkTemplate } from './linkTemplates';
import {
  isCommitSha,
  PipelineColumn,
  pipelineColumns,
} from './pipelineColumns';
import {
  CommitDetailsUnavailable,
  createPipelineGithub,
} from './pipelineGithub';
import { chartsFromObject, mergeVersions } from './runningVersion';
import { PipelineService } from './types';
import { versionChanges } from './versionChanges';
import { configRepoReads } from './configRepoReads';

const reasonOf = (error: unknown) => {
  if (error instanceof CommitDetailsUnavailable) return error.message;
  throw error;
};

const repoOf = (answer: EnvironmentRepoAnswer | undefined) =>
  answer && 'repo' in answer ? answer.repo : undefined;

/** `owner/repo (host)`: two hosts may hold repos of one name. */
const repoName = (repo: EnvironmentRepo) =>
  `${repo.owner}/${repo.repo} (${new URL(repo.url).host})`;

/** Why the commits between two environments are not compared when each deploys from its own repository. */
const differentRepositories = (
  from: string,
  to: string,
  repos: [EnvironmentRepo, EnvironmentRepo],
) =>
  `${from} and ${to} deploy from different repositories: ${repoName(
    repos[0],
  )} and ${repoName(repos[1])}`;

/** One environment of the pipeline with the config repo its live objects deploy from (or why none is known). */
interface RepoColumn {
  column: PipelineColumn;
  repo: EnvironmentRepoAnswer;
}

export function createPipelineService(options: {
  config: Config;
  logger: LoggerService;
  /** The environments in delivery order (clusters/environments.ts). */
  environments: () => string[];
  /** Deep-link templates by cluster name (`gitops.clusters[].links`). */
  links: Map<string, ClusterLinks>;
  /** The repo and places each environment's live objects deploy from; absent: `gitops.configRepo` for every one. */
  layout?: Pick<ConfigRepoLayout, 'liveFiles'>;
}): PipelineService {
  const { config, logger, links } = options;
  const location = readConfigRepoLocation(config);
  const github = createPipelineGithub({ config, logger });
  const findRepo = environmentRepoFinder({
    layout: options.layout,
    configRepo: location,
  });

  /** Values every link template of a config repo may use. */
  const repoValues = (repo: EnvironmentRepo | undefined) =>
    repo ? { owner: repo.owner, repo: repo.repo } : {};

  /** A commit with the cluster's own commit and pull request links, where it has templates for them. */
  function linked(
    commit: PipelineCommit,
    cluster: string,
    repo: EnvironmentRepo | undefined,
  ): PipelineCommit {
    const templates = links.get(cluster);
    const url = fillLinkTemplate(templates?.commit, {
      ...repoValues(repo),
      sha: commit.sha,
    });
    const pullUrl =
      commit.pullRequest &&
      fillLinkTemplate(templates?.pullRequest, {
        ...repoValues(repo),
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

  async function commitOf({ column, repo: answer }: RepoColumn) {
    const { revision } = column;
    if (!isCommitSha(revision)) return undefined;
    const cluster = column.targets[0].cluster;
    const repo = repoOf(answer);
    if (!repo) {
      const { unavailable } = answer as { unavailable: string };
      return linked({ sha: revision, unavailable }, cluster, repo);
    }
    const commit = await github
      .forRepo(repo)
      .describe(revision)
      .catch(error => ({ sha: revision, unavailable: reasonOf(error) }));
    return linked(commit, cluster, repo);
  }

  /**
   * A target's version: its charts as the object reports them, and what its config repo says it deploys at the
   * commit it is synced at (its directories, the values files its Helm sources read from that repo).
   */
  async function targetVersion(
    target: ObjectStatus,
    repo: EnvironmentRepo | undefined,
  ): Promise<RunningVersion> {
    const charts = chartsFromObject(target);
    if (!repo) return { images: [], charts };
    const asked = github.forRepo(repo);
    const versions = await Promise.all(
      configRepoReads(target, url => sameRepo(url, repo.url)).map(read =>
        ('dir' in read
          ? asked.version(read.dir, read.revision)
          : asked.valuesVersion(read.valueFiles, read.revision)
        ).catch(error => {
          reasonOf(error);
          return { images: [], charts: [] };
        }),
      ),
    );
    return mergeVersions([...versions, { images: [], charts }]);
  }

  function toTarget(
    object: ObjectStatus,
    repo: EnvironmentRepo | undefined,
  ): PipelineTarget {
    const url = fillLinkTemplate(
      engineLinkTemplate(links.get(object.cluster), object.kind),
      {
        ...repoValues(repo),
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
    repoColumn: RepoColumn,
  ): Promise<PipelineEnvironment> {
    const { column } = repoColumn;
    const repo = repoOf(repoColumn.repo);
    const [commit, versions] = await Promise.all([
      commitOf(repoColumn),
      Promise.all(column.targets.map(target => targetVersion(target, repo))),
    ]);
    return {
      environment: column.environment,
      sync: column.sync,
      health: column.health,
      ...(commit ? { commit } : {}),
      version: mergeVersions(versions),
      ...(column.changedAt ? { changedAt: column.changedAt } : {}),
      targets: column.targets.map(target => toTarget(target, repo)),
    };
  }

  /** The config-repo commits `to` lacks of `from`'s, when both deploy from one repository. */
  async function commitsBetween(
    service: string,
    from: PipelineEnvironment & { repo: EnvironmentRepoAnswer },
    to: PipelineEnvironment & { repo: EnvironmentRepoAnswer },
  ): Promise<Pick<PipelineGap, 'commitsNotPromoted' | 'commitsUnavailable'>> {
    const ahead = from.commit?.sha;
    const behind = to.commit?.sha;
    if (!ahead || !behind) {
      const without = !ahead ? from.environment : to.environment;
      return {
        commitsUnavailable: `${without} runs no config-repo commit the portal can compare`,
      };
    }
    const [fromRepo, toRepo] = [repoOf(from.repo), repoOf(to.repo)];
    if (!fromRepo || !toRepo) {
      const { unavailable } = (!fromRepo ? from.repo : to.repo) as {
        unavailable: string;
      };
      return { commitsUnavailable: unavailable };
    }
    if (!sameRepo(fromRepo.url, toRepo.url)) {
      return {
        commitsUnavailable: differentRepositories(
          from.environment,
          to.environment,
          [fromRepo, toRepo],
        ),
      };
    }
    // The service's folders in either environment (the portal's `apps/<service>` where nothing live names one).
    const folders = serviceFolders(service, [
      ...fromRepo.places,
      ...toRepo.places,
    ]);
    try {
      const commits = await github
        .forRepo(fromRepo)
        .between(
          folders.length > 0 ? folders : [`apps/${service}`],
          behind,
          ahead,
        );
      const cluster = from.targets[0].cluster;
      return {
        commitsNotPromoted: commits.map(commit =>
          linked(commit, cluster, fromRepo),
        ),
      };
    } catch (error) {
      return { commitsUnavailable: reasonOf(error) };
    }
  }

  /** `owner/repo` of the repos the environments deploy from, in delivery order (the configured one when none says). */
  function configRepoNames(answers: EnvironmentRepoAnswer[]) {
    const repos = answers
      .map(repoOf)
      .filter((repo): repo is EnvironmentRepo => !!repo);
    if (repos.length > 0) return repoNames(repos);
    return location ? `${location.owner}/${location.repo}` : undefined;
  }

  return {
    async pipeline({ entityRef, service, objects }) {
      // Each environment's repo, found once per request: the columns, versions, commits and gaps all read it.
      const answers = new Map(
        await Promise.all(
          deliveringEnvironments(objects, options.environments()).map(
            async environment =>
              [
                environment,
                await findRepo(entityRef, environment, objects),
              ] as const,
          ),
        ),
      );
      const isConfigRepo = (url: string, environment: string) => {
        const repo = repoOf(answers.get(environment));
        return !!repo && sameRepo(url, repo.url);
      };
      const columns = pipelineColumns(
        objects,
        options.environments(),
        isConfigRepo,
      ).map(column => ({ column, repo: answers.get(column.environment)! }));
      const environments = await Promise.all(columns.map(environmentOf));
      const withRepos = environments.map((environment, i) => ({
        ...environment,
        repo: columns[i].repo,
      }));
      const gaps = await Promise.all(
        withRepos.slice(1).map(async (to, i) => {
          const from = withRepos[i];
          return {
            from: from.environment,
            to: to.environment,
            versionChanges: versionChanges(from.version, to.version),
            ...(await commitsBetween(service, from, to)),
          };
        }),
      );
      const configRepo = configRepoNames(columns.map(({ repo }) => repo));
      return {
        entityRef,
        ...(configRepo ? { configRepo } : {}),
        environments,
        gaps,
      };
    },
  };
}
