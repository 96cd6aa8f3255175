export { createDeliveryService } from './createDeliveryService';
export { createDeliveriesRouter } from './deliveriesRouter';
export type { DeliveryService } from './types';
