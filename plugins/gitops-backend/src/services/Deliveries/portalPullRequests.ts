import type { DeliveryVerb } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoId,
  DEFAULT_BRANCH_PREFIX,
  GithubClient,
} from '@gitops-portal/plugin-gitops-node';

/** A pull request the portal opened for one service, as read from the config repo. */
export interface PortalPullRequest {
  number: number;
  url: string;
  title: string;
  branch: string;
  verb: DeliveryVerb;
  state: 'open' | 'closed' | 'merged';
  openedAt: string;
  mergedAt?: string;
  mergeCommit?: string;
  /** Paths the pull request changes. */
  files: string[];
}

const VERBS: DeliveryVerb[] = [
  'create',
  'promote',
  'rollback',
  'claim',
  'decommission',
];
/** Newest pull requests read per call: 5 pages of 100 bound the GitHub requests of one timeline. */
const MAX_PAGES = 5;
const PER_PAGE = 100;

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `<prefix><verb>/<service>` or `<prefix><verb>/<service>-<suffix>` (the scaffolder actions' and the backend's names,
 * under `gitops.pullRequests.branchPrefix`, default `gitops/`).
 */
export function branchVerb(
  branch: string,
  service: string,
  prefix: string = DEFAULT_BRANCH_PREFIX,
): DeliveryVerb | undefined {
  const match = new RegExp(
    `^${escapeRegExp(prefix)}(${VERBS.join('|')})/${escapeRegExp(
      service,
    )}(?:-.+)?$`,
  ).exec(branch);
  return match?.[1] as DeliveryVerb | undefined;
}

/**
 * The branch prefix alone is ambiguous (`shop` matches `shop-api`'s branches): a pull request belongs to the
 * service when it changes the service's folder (`apps/<service>/`, or one of `folders`, the service's own folders
 * or files its live objects deploy from) or its cluster files, as every portal action does.
 */
export function touchesService(
  files: string[],
  service: string,
  folders: string[] = [],
): boolean {
  const clusterFile = new RegExp(
    `^clusters/.+/${escapeRegExp(service)}(?:-appset)?\\.yaml$`,
  );
  const inFolder = (file: string) =>
    folders.some(folder => file === folder || file.startsWith(`${folder}/`));
  return files.some(
    file =>
      file.startsWith(`apps/${service}/`) ||
      inFolder(file) ||
      clusterFile.test(file),
  );
}

type PullRequestListItem = Awaited<
  ReturnType<GithubClient['pulls']['list']>
>['data'][number];

/** Page `n` (from 1) of the config repo's pull requests, newest first. */
export type PullRequestPages = (page: number) => Promise<PullRequestListItem[]>;

/**
 * The config repo's pull requests, newest first, each page read from GitHub once: the services of one request (a
 * team's metrics) share one listing instead of paging the same pull requests once per service.
 */
export function pullRequestPages(
  octokit: GithubClient,
  repo: ConfigRepoId,
): PullRequestPages {
  const pages = new Map<number, Promise<PullRequestListItem[]>>();
  return page => {
    let listed = pages.get(page);
    if (!listed) {
      listed = octokit.pulls
        .list({
          ...repo,
          state: 'all',
          sort: 'created',
          direction: 'desc',
          per_page: PER_PAGE,
          page,
        })
        .then(response => response.data);
      pages.set(page, listed);
    }
    return listed;
  };
}

/** Lists the service's portal pull requests, newest first; `filesOf` may cache (a head commit's files never change). */
export async function listPortalPullRequests(options: {
  pages: PullRequestPages;
  service: string;
  /** The folder of the portal's branches (`readBranchPrefix`). */
  branchPrefix: string;
  /** The service's own folders (or files) its live objects deploy from, besides `apps/<service>/` (`touchesService`). */
  folders?: string[];
  limit: number;
  filesOf: (pull: {
    number: number;
    headSha: string;
    mergeCommit?: string;
  }) => Promise<string[]>;
}): Promise<PortalPullRequest[]> {
  const { pages, service, branchPrefix, limit, filesOf } = options;
  const found: PortalPullRequest[] = [];
  for (let page = 1; page <= MAX_PAGES && found.length < limit; page++) {
    const pulls = await pages(page);
    for (const pull of pulls) {
      if (found.length >= limit) break;
      const verb = branchVerb(pull.head.ref, service, branchPrefix);
      if (!verb) continue;
      const mergeCommit =
        (pull.merged_at && pull.merge_commit_sha) || undefined;
      const files = await filesOf({
        number: pull.number,
        headSha: pull.head.sha,
        mergeCommit,
      });
      if (!touchesService(files, service, options.folders)) continue;
      found.push({
        number: pull.number,
        url: pull.html_url,
        title: pull.title,
        branch: pull.head.ref,
        verb,
        state: pull.merged_at
          ? 'merged'
          : (pull.state as PortalPullRequest['state']),
        openedAt: new Date(pull.created_at).toISOString(),
        ...(pull.merged_at
          ? { mergedAt: new Date(pull.merged_at).toISOString() }
          : {}),
        ...(mergeCommit ? { mergeCommit } : {}),
        files,
      });
    }
    if (pulls.length < PER_PAGE) break;
  }
  return found;
}
