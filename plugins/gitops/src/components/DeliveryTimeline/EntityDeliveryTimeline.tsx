import { useEntity } from '@backstage/plugin-catalog-react';
import { DeliveryTimeline } from './DeliveryTimeline';

/** The delivery timeline of the entity in context (a card for entity pages). */
export function EntityDeliveryTimeline() {
  const { entity } = useEntity();
  return <DeliveryTimeline entity={entity} />;
}
