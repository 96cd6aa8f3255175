import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { ClusterSource, readClusterLinks } from '../clusters';
import { createAdoptionService } from '../services/Adoption';
import { createDeliveryService } from '../services/Deliveries';
import {
  createDeliveryMetricsService,
  readDeliveryMetricsConfig,
} from '../services/DeliveryMetrics';
import { HistoryStore } from '../services/HistoryStore';
import { createLiveDiffService } from '../services/LiveDiff';
import { objectReader } from '../services/LiveDiff/clusterReader';
import { createPipelineService } from '../services/Pipeline';
import { createPullRequestService } from '../services/PullRequests';
import { createRegistrationPointsService } from '../services/RegistrationPoints';
import { createConfigRepoLayout } from '../services/ConfigRepoLayout';
import { StatusStore } from '../services/StatusStore';
import { createValidationEstateService } from '../services/ValidationEstate';
import { RouterOptions } from './types';

/** The services only the routes use, built from what the plugin already has (plugin.ts stays wiring only). */
export function createRouteServices(options: {
  config: RootConfigService;
  logger: LoggerService;
  history: HistoryStore;
  clusterSource: ClusterSource;
  statusStore: StatusStore;
  environments: () => string[];
  /** A cached object's labels (the replica's ObjectCache): discovery follows a HelmRelease to its Kustomization. */
  labelsOf?: (key: string) => Record<string, string> | undefined;
  /** A cached object by its key (the replica's ObjectCache): discovery finds Flux sources without a search. */
  objectOf?: (key: string) => ObjectStatus | undefined;
}): Pick<
  RouterOptions,
  | 'deliveries'
  | 'deliveryMetrics'
  | 'liveDiff'
  | 'adoption'
  | 'pipeline'
  | 'pullRequests'
  | 'registrationPoints'
  | 'validationEstate'
  | 'layout'
> {
  const { config, logger, history, clusterSource, statusStore } = options;
  const clusters = () => clusterSource.clusters();
  // Which repo and files a change edits (and the pipeline and deliveries read): the entity's live objects'
  // sources, else gitops.configRepo and its pathTemplate.
  const layout = createConfigRepoLayout({
    config,
    statusStore,
    labelsOf: options.labelsOf,
    objectOf: options.objectOf,
    readObject: objectReader(clusters),
  });
  const deliveries = createDeliveryService({
    config,
    logger,
    history,
    environments: options.environments,
    layout,
  });
  // The target clusters' CRDs and policies, for validation of the pull requests the portal opens.
  const validationEstate = createValidationEstateService({
    logger,
    clusterSource,
  });
  return {
    deliveries,
    validationEstate,
    pullRequests: createPullRequestService({
      config,
      logger,
      validationEstate,
      layout,
    }),
    layout,
    deliveryMetrics: createDeliveryMetricsService({
      history,
      deliveries,
      statusStore,
      config: readDeliveryMetricsConfig(config),
    }),
    pipeline: createPipelineService({
      config,
      logger,
      environments: options.environments,
      links: readClusterLinks(config),
      layout,
    }),
    liveDiff: createLiveDiffService({ config, logger, clusters }),
    adoption: createAdoptionService({ config, clusters }),
    registrationPoints: createRegistrationPointsService({ config, logger }),
  };
}
