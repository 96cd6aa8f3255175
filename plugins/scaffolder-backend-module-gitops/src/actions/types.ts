import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrationRegistry } from '@backstage/integration';

/** What every gitops action needs from the backend. */
export interface GitopsActionDeps {
  /** The root config: `integrations.github` and `gitops.validation`. */
  config: Config;
  /** Decides whether the task's initiator may change an existing entity (promote, roll back, …). */
  permissions: PermissionsService;
  /** Default `ScmIntegrations.fromConfig(config)`. */
  integrations?: ScmIntegrationRegistry;
  logger?: LoggerService;
}
