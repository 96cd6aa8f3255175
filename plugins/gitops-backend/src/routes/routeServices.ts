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
    environments: options.environments,
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
      // Which files a change edits: the entity's live objects' sources, else gitops.configRepo.pathTemplate.
      layout: createConfigRepoLayout({
        config,
        statusStore,
        labelsOf: options.labelsOf,
      }),
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
