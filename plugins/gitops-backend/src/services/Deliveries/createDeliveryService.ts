import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type {
  DeliveriesResponse,
  Delivery,
} from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoId,
  ConfigRepoReader,
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  GithubClient,
  githubRepoOf,
  mapLimit,
  readBranchPrefix,
  readConfigRepoLocation,
  repoIdOf,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { ConfigRepoLayout } from '../ConfigRepoLayout';
import { HistoryStore } from '../HistoryStore';
import { changesEnvironment } from './changesEnvironment';
import {
  deliveryEnvironments,
  environmentOf,
  isDeliveringObject,
} from './deliveryTimeline';
import {
  deliveringEnvironments,
  EnvironmentRepo,
  environmentRepoFinder,
  repoNames,
  serviceFolders,
} from './environmentRepos';
import {
  listPortalPullRequests,
  PortalPullRequest,
  PullRequestPages,
  pullRequestPages,
} from './portalPullRequests';
import { DeliveriesRequest, DeliveryService } from './types';
import { boundedCache } from '../../lib/boundedCache';

/** History rows read per timeline; a service's objects change a few times per delivery. */
const HISTORY_LIMIT = 5_000;
/** GitHub's clock and the backend's differ: rows recorded this much before merged_at are still read. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Bounds of the caches of immutable answers (files of a head commit, ancestry of two commits). */
const CACHE_SIZE = 2_000;
/** Services whose timelines are read at once (each a history query and GitHub calls per pull request). */
const CONCURRENCY = 4;

/** Does `revision` contain `commit` (same commit, or a descendant)? GitHub's compare says "ahead" or "identical". */
async function containsCommit(
  reader: ConfigRepoReader,
  commit: string,
  revision: string,
): Promise<boolean> {
  if (revision === commit) return true;
  // No comparison: not a commit of this repo (a Helm chart version, an OCI digest, another repo's SHA).
  const comparison = await reader.compare(commit, revision);
  return comparison?.status === 'ahead' || comparison?.status === 'identical';
}

/**
 * The paths a pull request changes. Some hosts (the github-emulator among them) list no files for a merged pull
 * request, as its head is then part of the base: the merge commit against its first parent says the same.
 */
async function pullRequestFiles(
  octokit: GithubClient,
  repo: ConfigRepoId,
  pull: { number: number; mergeCommit?: string },
): Promise<string[]> {
  const listed = await octokit.paginate(octokit.pulls.listFiles, {
    ...repo,
    pull_number: pull.number,
    per_page: 100,
  });
  if (listed.length > 0 || !pull.mergeCommit) {
    return listed.map(file => file.filename);
  }
  const { data: commit } = await octokit.git.getCommit({
    ...repo,
    commit_sha: pull.mergeCommit,
  });
  const parent = commit.parents[0]?.sha;
  if (!parent) return [];
  const { data } = await octokit.repos.compareCommits({
    ...repo,
    base: parent,
    head: pull.mergeCommit,
  });
  return (data.files ?? []).map(file => file.filename);
}

/** One config repo a request reads pull requests from: its client, reader and listing (shared by the services). */
interface Connection {
  octokit: GithubClient;
  repo: ConfigRepoId;
  /** The repo's URL, which multi-source Applications' sources are matched against. */
  repoUrl: string;
  reader: ConfigRepoReader;
  pages: PullRequestPages;
}

/** A repo one service's environments deploy from: those environments and the places they name in it. */
interface ServiceRepo {
  repo: EnvironmentRepo;
  /** Places by environment; undefined: every environment of the service (no live object said which). */
  places?: Map<string, string[]>;
}

export function createDeliveryService(options: {
  config: RootConfigService;
  logger: LoggerService;
  history: HistoryStore;
  /** The environments in delivery order (`createEnvironments`): a timeline lists its environments so. */
  environments: () => string[];
  /** The repo and places each environment's live objects deploy from; absent: `gitops.configRepo` for every one. */
  layout?: Pick<ConfigRepoLayout, 'liveFiles'>;
}): DeliveryService {
  const { config, logger, history } = options;
  const configRepo = readConfigRepoLocation(config);
  const branchPrefix = readBranchPrefix(config);
  const findRepo = environmentRepoFinder({
    layout: options.layout,
    configRepo,
  });
  // Keys name the repo: pull request numbers and paths repeat across repos.
  const files = boundedCache<string[]>(CACHE_SIZE);
  const ancestry = boundedCache<boolean>(CACHE_SIZE);

  async function timeline(
    connection: Connection,
    pull: PortalPullRequest,
    request: DeliveriesRequest,
    places: Map<string, string[]> | undefined,
  ): Promise<Delivery> {
    const { files: changed, ...delivery } = pull;
    if (!pull.mergeCommit || !pull.mergedAt) {
      return { ...delivery, environments: [] };
    }
    const mergeCommit = pull.mergeCommit;
    // The environments deploying from another repo are not this pull request's to deliver.
    const targets = request.objects.filter(
      object =>
        isDeliveringObject(object) &&
        (!places || places.has(environmentOf(object))),
    );
    const rows = await history.query({
      entityRef: request.entityRef,
      objectKeys: targets.map(target => target.key),
      since: new Date(Date.parse(pull.mergedAt) - CLOCK_SKEW_MS),
      limit: HISTORY_LIMIT,
    });
    const contains = async (revision: string) => {
      const key = `${connection.repoUrl}#${mergeCommit}..${revision}`;
      let answer = ancestry.get(key);
      if (answer === undefined) {
        answer = await containsCommit(connection.reader, mergeCommit, revision);
        ancestry.set(key, answer);
      }
      return answer;
    };
    const environments = await deliveryEnvironments({
      objects: targets,
      history: rows,
      contains,
      isChangedRepo: url => sameRepo(url, connection.repoUrl),
      changedEnvironment: environment =>
        changesEnvironment(
          changed,
          request.service,
          environment,
          places?.get(environment),
        ),
      environments: options.environments(),
    });
    return { ...delivery, environments };
  }

  /** The service's pull requests in one repo and their timelines, from the listing `pages` (shared by a request). */
  async function repoDeliveries(
    connection: Connection,
    request: DeliveriesRequest,
    places: Map<string, string[]> | undefined,
  ): Promise<Delivery[]> {
    const { octokit, repo, repoUrl, pages } = connection;
    const pulls = await listPortalPullRequests({
      pages,
      service: request.service,
      branchPrefix,
      limit: request.limit,
      folders: serviceFolders(
        request.service,
        [...(places?.values() ?? [])].flat(),
      ),
      filesOf: async pull => {
        const key = `${repoUrl}#${pull.number}@${pull.headSha}`;
        const cached = files.get(key);
        if (cached) return cached;
        const paths = await pullRequestFiles(octokit, repo, pull);
        files.set(key, paths);
        return paths;
      },
    });
    const items: Delivery[] = [];
    // One pull request at a time: the compare calls of one timeline share the ancestry cache.
    for (const pull of pulls) {
      items.push(await timeline(connection, pull, request, places));
    }
    return items;
  }

  /**
   * The repos the service's environments deploy from (discovery, else `gitops.configRepo`); the configured repo
   * alone when it has no delivering object. An environment two repos claim is left out.
   */
  async function serviceRepos(
    request: DeliveriesRequest,
  ): Promise<ServiceRepo[]> {
    const environments = deliveringEnvironments(
      request.objects,
      options.environments(),
    );
    if (environments.length === 0) {
      const id = configRepo && githubRepoOf(configRepoUrl(configRepo));
      return id ? [{ repo: { ...id, places: [] } }] : [];
    }
    const byRepo = new Map<string, Required<ServiceRepo>>();
    for (const environment of environments) {
      const answer = await findRepo(
        request.entityRef,
        environment,
        request.objects,
      );
      if (!('repo' in answer)) {
        logger.debug(
          `gitops deliveries: ${environment} of ${request.entityRef} left out: ${answer.unavailable}`,
        );
        continue;
      }
      const key = repoIdOf(answer.repo.url);
      const entry = byRepo.get(key) ?? { repo: answer.repo, places: new Map() };
      entry.places.set(environment, answer.repo.places);
      byRepo.set(key, entry);
    }
    return [...byRepo.values()];
  }

  async function deliveriesOfServices(
    requests: DeliveriesRequest[],
  ): Promise<DeliveriesResponse[]> {
    // The services share each repo's client and listing: a page one of them asked for is not read again.
    const connections = new Map<string, Promise<Connection>>();
    const connect = (repo: EnvironmentRepo) => {
      const key = repoIdOf(repo.url);
      let connection = connections.get(key);
      if (!connection) {
        connection = openConnection(repo);
        connections.set(key, connection);
      }
      return connection;
    };
    async function openConnection(repo: EnvironmentRepo): Promise<Connection> {
      const id = { owner: repo.owner, repo: repo.repo };
      const octokit = await createGithubClient({
        config,
        repoUrl: repo.url,
        logger,
      });
      return {
        octokit,
        repo: id,
        repoUrl: repo.url,
        reader: createConfigRepoReader(octokit, id),
        pages: pullRequestPages(octokit, id),
      };
    }
    return mapLimit(requests, CONCURRENCY, async request => {
      const repos = await serviceRepos(request);
      if (repos.length === 0)
        return { entityRef: request.entityRef, items: [] };
      const perRepo = await Promise.all(
        repos.map(async ({ repo, places }) =>
          repoDeliveries(await connect(repo), request, places),
        ),
      );
      return {
        entityRef: request.entityRef,
        configRepo: repoNames(repos.map(({ repo }) => repo)),
        // Newest first across the repos, as within one.
        items: perRepo
          .flat()
          .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt))
          .slice(0, request.limit),
      };
    });
  }

  return {
    async deliveries(request) {
      const [answer] = await deliveriesOfServices([request]);
      return answer;
    },
    deliveriesOfServices,
  };
}
