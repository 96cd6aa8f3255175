import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  ConfigRepoId,
  createGithubClient,
  GithubClient,
} from '@gitops-portal/plugin-gitops-node';
import { GitopsActionDeps } from './types';

/** The config repo an action writes to. */
export interface ConfigRepo extends ConfigRepoId {
  host: string;
  /**
   * `<scheme>://<host>/<owner>/<repo>`, what the integrations config is matched
   * against and what generated manifests point at. The scheme follows the
   * integration's apiBaseUrl, so an http host (the sandbox's github-emulator)
   * gets http URLs and revision links that open.
   */
  url: string;
  /** The integration's REST API base (`https://api.github.com`, a GitHub Enterprise host's `…/api/v3`). */
  apiBaseUrl?: string;
}

/** Parses `github.com?owner=x&repo=y`; the host must be a configured GitHub integration. */
export function resolveConfigRepo(
  deps: GitopsActionDeps,
  repoUrl: string,
): ConfigRepo {
  const integrations =
    deps.integrations ?? ScmIntegrations.fromConfig(deps.config);
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  if (!owner) {
    throw new InputError(`Invalid repoUrl ${repoUrl}: missing owner`);
  }
  const integration = integrations.github.byHost(host);
  if (!integration) {
    throw new InputError(
      `No GitHub integration configured for ${host}: the gitops actions write to GitHub only`,
    );
  }
  const { apiBaseUrl } = integration.config;
  const scheme = apiBaseUrl?.startsWith('http://') ? 'http' : 'https';
  return {
    host,
    owner,
    repo,
    url: `${scheme}://${host}/${owner}/${repo}`,
    apiBaseUrl,
  };
}

/** A client with the integration's credentials; built per run because App tokens expire. */
export function configRepoClient(
  deps: GitopsActionDeps,
  target: ConfigRepo,
): Promise<GithubClient> {
  return createGithubClient({
    config: deps.config,
    repoUrl: target.url,
    logger: deps.logger,
  });
}
