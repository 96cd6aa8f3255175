import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrationRegistry } from '@backstage/integration';

/** What every gitops action needs from the backend. */
export interface GitopsActionDeps {
  /** The root config: `integrations.github` and `gitops.validation`. */
  config: Config;
  /** Default `ScmIntegrations.fromConfig(config)`. */
  integrations?: ScmIntegrationRegistry;
  logger?: LoggerService;
}
