export { gitopsApiRef } from './GitopsApi';
export type {
  DeliveryMetricsRequest,
  DeliveryMetricsSubject,
  GitopsApi,
} from './GitopsApi';
export { GitopsClient } from './GitopsClient';
