export { DeliveryMetrics } from './DeliveryMetrics';
export { EntityDeliveryMetrics } from './EntityDeliveryMetrics';
export { TeamDeliveryMetrics } from './TeamDeliveryMetrics';
