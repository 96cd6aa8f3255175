import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { Delivery } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoId,
  ConfigRepoReader,
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  GithubClient,
  readBranchPrefix,
  readConfigRepoLocation,
} from '@gitops-portal/plugin-gitops-node';
import { HistoryStore } from '../HistoryStore';
import { changesEnvironment } from './changesEnvironment';
import { deliveryEnvironments, isDeliveringObject } from './deliveryTimeline';
import {
  listPortalPullRequests,
  PortalPullRequest,
} from './portalPullRequests';
import { sameRepo } from './repoUrl';
import { DeliveryService } from './types';
import { boundedCache } from '../../lib/boundedCache';

/** History rows read per timeline; a service's objects change a few times per delivery. */
const HISTORY_LIMIT = 5_000;
/** GitHub's clock and the backend's differ: rows recorded this much before merged_at are still read. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Bounds of the caches of immutable answers (files of a head commit, ancestry of two commits). */
const CACHE_SIZE = 2_000;

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
  /** Cluster names in configuration order: environments are listed in the order of their first cluster. */
  clusterOrder: () => string[];
}): DeliveryService {
  const { config, logger, history, clusterOrder } = options;
  const configRepo = readConfigRepoLocation(config);
  const branchPrefix = readBranchPrefix(config);
  const files = boundedCache<string[]>(CACHE_SIZE);
  const ancestry = boundedCache<boolean>(CACHE_SIZE);

  async function timeline(
    reader: ConfigRepoReader,
    pullRequestRepo: string,
    pull: PortalPullRequest,
    request: Parameters<DeliveryService['deliveries']>[0],
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
      clusterOrder: clusterOrder(),
    });
    return { ...delivery, environments };
  }

  return {
    async deliveries(request) {
      if (!configRepo) {
        return { entityRef: request.entityRef, items: [] };
      }
      const repo = { owner: configRepo.owner, repo: configRepo.repo };
      const octokit = await createGithubClient({
        config,
        repoUrl: configRepoUrl(configRepo),
        logger,
      });
      const reader = createConfigRepoReader(octokit, repo);
      const pulls = await listPortalPullRequests({
        octokit,
        repo,
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
        items.push(
          await timeline(reader, configRepoUrl(configRepo), pull, request),
        );
      }
      return {
        entityRef: request.entityRef,
        configRepo: `${repo.owner}/${repo.repo}`,
        items,
      };
    },
  };
}
