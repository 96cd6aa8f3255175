import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ConfigRepoLocation,
  ConfigRepoReader,
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  GithubClient,
  githubRepoOf,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { explicitRevision } from '../../lib/revision';

/** One config repo a pull request reads and writes: its client, id, the base branch and a reader. */
export interface ConfigRepoAccess {
  url: string;
  octokit: GithubClient;
  owner: string;
  repo: string;
  baseBranch: string;
  reader: ConfigRepoReader;
}

/** `revision` when it names a branch of the repository (not a tag, a commit or `HEAD`). */
async function branchNamed(
  octokit: GithubClient,
  id: { owner: string; repo: string },
  revision: string | undefined,
): Promise<string | undefined> {
  const named = explicitRevision(revision);
  if (!named) return undefined;
  try {
    await octokit.repos.getBranch({ ...id, branch: named });
    return named;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/**
 * Opens config repos for one request: `gitops.configRepo` when no URL is given or the URL is that repo, else the
 * repository live objects deploy from, through the `integrations.github` host of its URL (GitHub or GitHub
 * Enterprise). The base branch is the `revision` the live objects deploy from when it is a branch, else
 * `gitops.configRepo`'s configured branch for that repo, else the repository's default branch. A URL of no
 * integration's host is refused, naming it. Build one per request: App tokens expire.
 */
export function configRepoOpener(options: {
  config: Config;
  logger: LoggerService;
  configRepo: ConfigRepoLocation | undefined;
}): (repoUrl?: string, revision?: string) => Promise<ConfigRepoAccess> {
  const { config, logger, configRepo } = options;
  return async (repoUrl, revision) => {
    const configured =
      configRepo &&
      (repoUrl === undefined || sameRepo(repoUrl, configRepoUrl(configRepo)));
    if (!configured && repoUrl === undefined) {
      throw new InputError(
        'gitops.configRepo is not configured and no live object names a config repo: pull requests need the GitOps config repo',
      );
    }
    const id = configured
      ? {
          url: configRepoUrl(configRepo),
          owner: configRepo.owner,
          repo: configRepo.repo,
        }
      : githubRepoOf(repoUrl!);
    if (!id) {
      throw new InputError(`${repoUrl} names no GitHub repository`);
    }
    const octokit = await createGithubClient({
      config,
      repoUrl: id.url,
      logger,
    });
    const { owner, repo } = id;
    const baseBranch =
      (await branchNamed(octokit, { owner, repo }, revision)) ??
      (configured
        ? configRepo.branch
        : (await octokit.repos.get({ owner, repo })).data.default_branch);
    return {
      url: id.url,
      octokit,
      owner,
      repo,
      baseBranch,
      reader: createConfigRepoReader(octokit, { owner, repo }),
    };
  };
}

/** Opens config repos as `configRepoOpener`'s function does. */
export type ConfigRepoOpener = ReturnType<typeof configRepoOpener>;

/**
 * The opener for one request: a repository and revision opened once (one client, one branch lookup) however many
 * times the request's steps ask for it. Not shared between requests: App tokens expire.
 */
export function openerForRequest(open: ConfigRepoOpener): ConfigRepoOpener {
  const opened = new Map<string, Promise<ConfigRepoAccess>>();
  return (repoUrl, revision) => {
    const key = `${repoUrl ?? ''} ${explicitRevision(revision) ?? ''}`;
    let access = opened.get(key);
    if (!access) {
      access = open(repoUrl, revision);
      opened.set(key, access);
    }
    return access;
  };
}
