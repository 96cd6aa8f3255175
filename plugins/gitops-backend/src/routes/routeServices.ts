import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ClusterSource, readClusterLinks } from '../clusters';
import { createDeliveryService } from '../services/Deliveries';
import {
  createDeliveryMetricsService,
  readDeliveryMetricsConfig,
} from '../services/DeliveryMetrics';
import { HistoryStore } from '../services/HistoryStore';
import { createLiveDiffService } from '../services/LiveDiff';
import { createPipelineService } from '../services/Pipeline';
import { createPullRequestService } from '../services/PullRequests';
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
}): Pick<
  RouterOptions,
  | 'deliveries'
  | 'deliveryMetrics'
  | 'liveDiff'
  | 'pipeline'
  | 'pullRequests'
  | 'validationEstate'
> {
  const { config, logger, history, clusterSource, statusStore } = options;
  const clusters = () => clusterSource.clusters();
  const deliveries = createDeliveryService({
    config,
    logger,
    history,
    clusterOrder: () => clusters().map(cluster => cluster.name),
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
    }),
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
    }),
    liveDiff: createLiveDiffService({ config, logger, clusters }),
  };
}
