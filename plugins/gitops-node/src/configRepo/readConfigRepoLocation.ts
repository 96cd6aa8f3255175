import { Config } from '@backstage/config';
import { ConfigRepoLocation } from './types';

/**
 * `gitops.configRepo` (declared by the gitops backend's config schema), or undefined when it is not configured.
 *
 * @public
 */
export function readConfigRepoLocation(
  config: Config,
): ConfigRepoLocation | undefined {
  const repo = config.getOptionalConfig('gitops.configRepo');
  if (!repo) return undefined;
  return {
    host: repo.getString('host'),
    owner: repo.getString('owner'),
    repo: repo.getString('repo'),
    branch: repo.getOptionalString('branch') ?? 'main',
  };
}

/**
 * The URL the integrations config is matched against (and the credentials are looked up for).
 *
 * @public
 */
export function configRepoUrl(location: ConfigRepoLocation): string {
  return `https://${location.host}/${location.owner}/${location.repo}`;
}
