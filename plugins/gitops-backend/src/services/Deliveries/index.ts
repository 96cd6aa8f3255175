export { createDeliveryService } from './createDeliveryService';
export type { DeliveryService } from './types';
