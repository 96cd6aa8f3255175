import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { RegistrationPoint } from '@gitops-portal/plugin-gitops-common';
import {
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  discoverRegistrationPoints,
  readConfigRepoLocation,
  readEnvironmentHints,
} from '@gitops-portal/plugin-gitops-node';

/** Where the new-service form can register a service with Argo CD (issue 17): discovered in the config repo. */
export interface RegistrationPointsService {
  /**
   * The app-of-apps folders and ApplicationSets of `gitops.configRepo`'s branch, each with the environment it serves
   * when the configured clusters and environments tell; none without a config repo.
   */
  list(): Promise<RegistrationPoint[]>;
}

/**
 * Discovery on each call, through gitops-node's config-repo reader: the form asks once per run, and a folder added
 * since must show. The scaffolder action discovers again on the base branch before it writes, so a stale answer
 * cannot register a service anywhere discovery does not find.
 */
export function createRegistrationPointsService(options: {
  config: Config;
  logger: LoggerService;
}): RegistrationPointsService {
  const { config, logger } = options;
  const location = readConfigRepoLocation(config);
  return {
    async list() {
      if (!location) return [];
      const octokit = await createGithubClient({
        config,
        repoUrl: configRepoUrl(location),
        logger,
      });
      return discoverRegistrationPoints(
        createConfigRepoReader(octokit, location),
        location.branch,
        readEnvironmentHints(config),
      );
    },
  };
}
