export { createDeliveryService } from './createDeliveryService';
export type { DeliveriesRequest, DeliveryService } from './types';
