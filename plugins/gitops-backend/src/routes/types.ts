import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PermissionGuard } from '../permissionGuard';
import { AdoptionService } from '../services/Adoption';
import { ConfigRepoLayout } from '../services/ConfigRepoLayout';
import { DeliveryService } from '../services/Deliveries';
import { LiveDiffService } from '../services/LiveDiff';
import { PipelineService } from '../services/Pipeline';
import { DeliveryMetricsService } from '../services/DeliveryMetrics';
import { PullRequestService } from '../services/PullRequests';
import { RegistrationPointsService } from '../services/RegistrationPoints';
import { SignalPublisher } from '../services/SignalPublisher';
import { StatusStore } from '../services/StatusStore';
import { ValidationEstateService } from '../services/ValidationEstate';
import { EntityFromRequest } from './entityFromRequest';
import { EnvironmentCheck } from '../clusters';

export interface RouterOptions {
  config: Config;
  /** The environments in delivery order (clusters/environments.ts): the ones requests may name. */
  environments: () => string[];
  statusStore: StatusStore;
  permissions: PermissionsService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  pullRequests: PullRequestService;
  deliveries: DeliveryService;
  /** The target clusters' CRDs and policies for validation (`GET /validation-estate/:cluster`). */
  validationEstate?: ValidationEstateService;
  /** Desired vs live per resource of an Application or Kustomization. */
  liveDiff: LiveDiffService;
  /** A namespace's unmanaged live objects as clean manifests (`GET /adoption`). */
  adoption: AdoptionService;
  pipeline: PipelineService;
  /** The config repo's app-of-apps folders and ApplicationSets (`GET /registration-points`). */
  registrationPoints?: RegistrationPointsService;
  deliveryMetrics: DeliveryMetricsService;
  /** Where each environment of an entity is deployed from, as its live objects say (`GET …/layout`). */
  layout?: ConfigRepoLayout;
  /** Echoes a browser's token back on the status channel (`POST /signals/echo`); each answer's signal position. */
  publisher: Pick<SignalPublisher, 'echo' | 'position'>;
  /** Called for an entity the catalog has but the status index does not know yet (registered since its last load). */
  onUnknownEntity?: (entityRef: string) => Promise<void>;
}

/** What each resource's routes get: the router's options, the one permission guard and way to resolve an entity. */
export interface RouteContext extends RouterOptions {
  guard: PermissionGuard;
  entityFromRequest: EntityFromRequest;
  /** Refuses (400) an environment outside `environments()`. */
  knownEnvironment: EnvironmentCheck;
}
