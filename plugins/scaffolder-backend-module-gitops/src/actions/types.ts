import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrationRegistry } from '@backstage/integration';
import type { ClusterEstate } from '@gitops-portal/plugin-gitops-node';

/**
 * What every gitops action needs from the backend.
 *
 * @public
 */
export interface GitopsActionDeps {
  /** The root config: `integrations.github` and `gitops.validation`. */
  config: Config;
  /** Decides whether the task's initiator may change an existing entity (promote, roll back, …). */
  permissions: PermissionsService;
  /** Default `ScmIntegrations.fromConfig(config)`. */
  integrations?: ScmIntegrationRegistry;
  logger?: LoggerService;
  /**
   * The CRDs and policies of the clusters of these environments, for validation (the module asks the gitops
   * backend's validation-estate route); absent: the config repo's only.
   */
  clusterEstates?: (environments: string[]) => Promise<ClusterEstate[]>;
}
