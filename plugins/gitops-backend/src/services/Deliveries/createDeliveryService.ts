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
  readBranchPrefix,
  readConfigRepoLocation,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { HistoryStore } from '../HistoryStore';
import { changesEnvironment } from './changesEnvironment';
import { deliveryEnvironments, isDeliveringObject } from './deliveryTimeline';
import {
  listPortalPullRequests,
  PortalPullRequest,
  PullRequestPages,
  pullRequestPages,
} from './portalPullRequests';
import { DeliveriesRequest, DeliveryService } from './types';
import { boundedCache } from '../../lib/boundedCache';
import { mapLimit } from '../../lib/mapLimit';

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

export function createDeliveryService(options: {
  config: RootConfigService;
  logger: LoggerService;
  history: HistoryStore;
  /** The environments in delivery order (`createEnvironments`): a timeline lists its environments so. */
  environments: () => string[];
}): DeliveryService {
  const { config, logger, history } = options;
  const configRepo = readConfigRepoLocation(config);
  const branchPrefix = readBranchPrefix(config);
  const files = boundedCache<string[]>(CACHE_SIZE);
  const ancestry = boundedCache<boolean>(CACHE_SIZE);

  async function timeline(
    reader: ConfigRepoReader,
    pullRequestRepo: string,
    pull: PortalPullRequest,
    request: DeliveriesRequest,
  ): Promise<Delivery> {
    const { files: changed, ...delivery } = pull;
    if (!pull.mergeCommit || !pull.mergedAt) {
      return { ...delivery, environments: [] };
    }
    const mergeCommit = pull.mergeCommit;
    const targets = request.objects.filter(isDeliveringObject);
    const rows = await history.query({
      entityRef: request.entityRef,
      objectKeys: targets.map(target => target.key),
      since: new Date(Date.parse(pull.mergedAt) - CLOCK_SKEW_MS),
      limit: HISTORY_LIMIT,
    });
    const contains = async (revision: string) => {
      const key = `${mergeCommit}..${revision}`;
      let answer = ancestry.get(key);
      if (answer === undefined) {
        answer = await containsCommit(reader, mergeCommit, revision);
        ancestry.set(key, answer);
      }
      return answer;
    };
    const environments = await deliveryEnvironments({
      objects: targets,
      history: rows,
      contains,
      isChangedRepo: url => sameRepo(url, pullRequestRepo),
      changedEnvironment: environment =>
        changesEnvironment(changed, request.service, environment),
      environments: options.environments(),
    });
    return { ...delivery, environments };
  }

  /** The service's pull requests and their timelines, from the listing `pages` (shared by the services of a request). */
  async function serviceDeliveries(
    connection: {
      octokit: GithubClient;
      repo: ConfigRepoId;
      /** The config repo's URL, which multi-source Applications' sources are matched against. */
      repoUrl: string;
      reader: ConfigRepoReader;
      pages: PullRequestPages;
    },
    request: DeliveriesRequest,
  ): Promise<Delivery[]> {
    const { octokit, repo, repoUrl, reader, pages } = connection;
    const pulls = await listPortalPullRequests({
      pages,
      service: request.service,
      branchPrefix,
      limit: request.limit,
      filesOf: async pull => {
        const key = `${pull.number}@${pull.headSha}`;
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
      items.push(await timeline(reader, repoUrl, pull, request));
    }
    return items;
  }

  async function deliveriesOfServices(
    requests: DeliveriesRequest[],
  ): Promise<DeliveriesResponse[]> {
    if (!configRepo) {
      return requests.map(request => ({
        entityRef: request.entityRef,
        items: [],
      }));
    }
    const repo = { owner: configRepo.owner, repo: configRepo.repo };
    const octokit = await createGithubClient({
      config,
      repoUrl: configRepoUrl(configRepo),
      logger,
    });
    const connection = {
      octokit,
      repo,
      repoUrl: configRepoUrl(configRepo),
      reader: createConfigRepoReader(octokit, repo),
      pages: pullRequestPages(octokit, repo),
    };
    // The services share the listing: a page one of them asked for is not read again for the others.
    return mapLimit(requests, CONCURRENCY, async request => ({
      entityRef: request.entityRef,
      configRepo: `${repo.owner}/${repo.repo}`,
      items: await serviceDeliveries(connection, request),
    }));
  }

  return {
    async deliveries(request) {
      const [answer] = await deliveriesOfServices([request]);
      return answer;
    },
    deliveriesOfServices,
  };
}
