export { DeliveryTimeline } from './DeliveryTimeline';
export { EntityDeliveryTimeline } from './EntityDeliveryTimeline';
