import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  PipelineCommit,
  RunningVersion,
} from '@gitops-portal/plugin-gitops-common';
import {
  createConfigRepoReader,
  createGithubClient,
  GithubClient,
} from '@gitops-portal/plugin-gitops-node';
import { boundedCache } from '../../lib/boundedCache';
import {
  readDeliveredVersion,
  readValuesVersion,
} from './readDeliveredVersion';

/** Entries kept per cache: answers about immutable shas, a few per environment pair and service. */
const CACHE_SIZE = 2_000;

/** A gap lists at most this many commits: enough to see what waits, bounded for the page. */
const MAX_GAP_COMMITS = 50;

/** Why GitHub could not be asked, in the words a user reads beside a bare sha. */
export class CommitDetailsUnavailable extends Error {}

/** GitHub's answer to a commit listing, reduced to what the pipeline shows. */
interface GithubCommitJson {
  sha: string;
  html_url?: string;
  commit: {
    message: string;
    author?: { name?: string; date?: string } | null;
  };
  author?: { login?: string } | null;
}

function toCommit(json: GithubCommitJson): PipelineCommit {
  const date = json.commit.author?.date;
  return {
    sha: json.sha,
    message: json.commit.message.split('\n', 1)[0],
    ...(json.author?.login || json.commit.author?.name
      ? { author: json.author?.login ?? json.commit.author?.name }
      : {}),
    ...(date ? { authoredAt: new Date(date).toISOString() } : {}),
    ...(json.html_url ? { url: json.html_url } : {}),
  };
}

/** A rate limit without a reset time is waited out this long before GitHub is asked again. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;

/**
 * Why a GitHub call failed, without the request, its headers or a token; for a rate limit, also until when GitHub
 * should not be asked again (its `x-ratelimit-reset`, or a minute).
 */
export function classifyGithubFailure(
  error: unknown,
  now = Date.now(),
): { reason: string; pauseUntil?: number } {
  const e = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
  };
  const headers = e?.response?.headers ?? {};
  const rateLimited =
    (e?.status === 403 || e?.status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(e?.message ?? ''));
  if (rateLimited) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    const known = Number.isFinite(reset) && reset > now;
    return {
      reason: `GitHub rate limit reached${
        known ? ` (resets at ${new Date(reset).toISOString()})` : ''
      }: commit details show again once it resets`,
      pauseUntil: known ? reset : now + DEFAULT_RATE_LIMIT_PAUSE_MS,
    };
  }
  if (typeof e?.status === 'number') {
    return {
      reason: `GitHub answered ${e.status} when asked for commit details`,
    };
  }
  return { reason: 'GitHub could not be reached for commit details' };
}

/** A config repo as the GitHub API names it, and the URL whose `integrations.github` host serves it. */
export interface PipelineRepo {
  url: string;
  owner: string;
  repo: string;
}

/**
 * Reads from config repos on GitHub what the pipeline shows: one commit's message, author and pull request, the
 * commits touching a service that one revision has and another lacks, and the version a directory deploys at a
 * commit. Each repo is asked through the client of its `integrations.github` host (GitHub or GitHub Enterprise).
 * Answers about a sha never change, so they are cached by repo and sha; failures are not cached, and say why (no
 * token, rate limit) through CommitDetailsUnavailable. A rate limit pauses the asking of that host until its reset.
 */
export function createPipelineGithub(options: {
  config: Config;
  logger: LoggerService;
}) {
  const { config, logger } = options;
  const commits = boundedCache<PipelineCommit>(CACHE_SIZE);
  const gaps = boundedCache<PipelineCommit[]>(CACHE_SIZE);
  const versions = boundedCache<RunningVersion>(CACHE_SIZE);
  // While a host rate-limits us, refetches (a signal per status change) answer the same reason without asking it.
  const paused = new Map<string, { until: number; reason: string }>();

  async function client(location: PipelineRepo): Promise<GithubClient> {
    try {
      // A page view waits for no rate-limit reset: it shows the sha and says why instead.
      return await createGithubClient({
        config,
        repoUrl: location.url,
        logger,
        maxRateLimitRetries: 0,
        maxServerErrorRetries: 0,
      });
    } catch (error) {
      throw new CommitDetailsUnavailable(
        `${(error as Error).message}: commit details are not shown`,
      );
    }
  }

  /** The asking of one repo: its client, and its host's pause. */
  function forRepo(location: PipelineRepo) {
    const repo = { owner: location.owner, repo: location.repo };
    const host = new URL(location.url).host;
    // Cache keys name the repo: two repos may hold the same paths, and their commits are not each other's.
    const keyOf = (rest: string) => `${location.url}#${rest}`;

    async function ask<T>(call: (octokit: GithubClient) => Promise<T>) {
      const pause = paused.get(host);
      if (pause && Date.now() < pause.until) {
        throw new CommitDetailsUnavailable(pause.reason);
      }
      const octokit = await client(location);
      try {
        return await call(octokit);
      } catch (error) {
        const { reason, pauseUntil } = classifyGithubFailure(error);
        if (pauseUntil) paused.set(host, { until: pauseUntil, reason });
        logger.debug(`gitops pipeline: ${reason}`);
        throw new CommitDetailsUnavailable(reason);
      }
    }

    return {
      repo: location,

      /** What `dir` deploys at commit `sha` (readDeliveredVersion). */
      async version(dir: string, sha: string): Promise<RunningVersion> {
        const key = keyOf(`${sha}:${dir}`);
        const cached = versions.get(key);
        if (cached) return cached;
        const version = await ask(octokit =>
          readDeliveredVersion(createConfigRepoReader(octokit, repo), dir, sha),
        );
        versions.set(key, version);
        return version;
      },

      /** The image Helm values files pin at commit `sha` (readValuesVersion). */
      async valuesVersion(
        files: string[],
        sha: string,
      ): Promise<RunningVersion> {
        const key = keyOf(`${sha}:values:${files.join(',')}`);
        const cached = versions.get(key);
        if (cached) return cached;
        const version = await ask(octokit =>
          readValuesVersion(createConfigRepoReader(octokit, repo), files, sha),
        );
        versions.set(key, version);
        return version;
      },

      /** One commit with its message, author and the pull request that brought it. */
      async describe(sha: string): Promise<PipelineCommit> {
        const key = keyOf(sha);
        const cached = commits.get(key);
        if (cached) return cached;
        const commit = await ask(async octokit => {
          const { data } = await octokit.repos.getCommit({ ...repo, ref: sha });
          const { data: pulls } =
            await octokit.repos.listPullRequestsAssociatedWithCommit({
              ...repo,
              commit_sha: sha,
            });
          const pull = pulls.find(p => p.merged_at) ?? pulls[0];
          return {
            ...toCommit(data as GithubCommitJson),
            ...(pull
              ? {
                  pullRequest: {
                    number: pull.number,
                    title: pull.title,
                    url: pull.html_url,
                  },
                }
              : {}),
          };
        });
        commits.set(key, commit);
        return commit;
      },

      /**
       * The commits touching `paths` that `ahead` has and `behind` lacks, newest first (at most MAX_GAP_COMMITS):
       * GitHub's comparison of the two, kept to the commits a path-filtered listing from `ahead` names.
       */
      async between(
        paths: string[],
        behind: string,
        ahead: string,
      ): Promise<PipelineCommit[]> {
        const key = keyOf(`${paths.join(',')}:${behind}..${ahead}`);
        const cached = gaps.get(key);
        if (cached) return cached;
        const result = await ask(async octokit => {
          if (behind === ahead) return [];
          const { data: comparison } = await octokit.repos.compareCommits({
            ...repo,
            base: behind,
            head: ahead,
          });
          const waiting = new Set(comparison.commits.map(c => c.sha));
          if (waiting.size === 0) return [];
          const touching: PipelineCommit[] = [];
          for (const path of paths) {
            const { data } = await octokit.repos.listCommits({
              ...repo,
              sha: ahead,
              path,
              per_page: 100,
            });
            for (const json of data) {
              if (
                waiting.has(json.sha) &&
                !touching.some(c => c.sha === json.sha)
              ) {
                touching.push(toCommit(json as GithubCommitJson));
              }
            }
          }
          // Listings come newest first (git log order): kept as they are.
          return touching.slice(0, MAX_GAP_COMMITS);
        });
        gaps.set(key, result);
        return result;
      },
    };
  }

  return { forRepo };
}
