export { createDeliveryMetricsService } from './createDeliveryMetricsService';
export { readDeliveryMetricsConfig } from './readDeliveryMetricsConfig';
export { deliveryMetricsCsv } from './deliveryMetricsCsv';
export type { DeliveryMetricsService, MetricsEntity } from './types';
