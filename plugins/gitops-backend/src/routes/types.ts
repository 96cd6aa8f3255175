import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PermissionGuard } from '../permissionGuard';
import { DeliveryService } from '../services/Deliveries';
import { PullRequestService } from '../services/PullRequests';
import { StatusStore } from '../services/StatusStore';
import { EntityFromRequest } from './entityFromRequest';
import { EnvironmentCheck } from './parse';

export interface RouterOptions {
  /** The root config: `gitops.clusters[].environment` are the environments requests may name. */
  config: Config;
  statusStore: StatusStore;
  permissions: PermissionsService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  pullRequests: PullRequestService;
  deliveries: DeliveryService;
  /** Called for an entity the catalog has but the status index does not know yet (registered since its last load). */
  onUnknownEntity?: (entityRef: string) => Promise<void>;
}

/** What each resource's routes get: the router's options, the one permission guard and way to resolve an entity. */
export interface RouteContext extends RouterOptions {
  guard: PermissionGuard;
  entityFromRequest: EntityFromRequest;
  /** Refuses (400) an environment no configured cluster belongs to. */
  knownEnvironment: EnvironmentCheck;
}
