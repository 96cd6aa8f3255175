import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { DeliveryMetrics } from './DeliveryMetrics';

/** The delivery metrics of one entity, spaced to sit under the entity tab's cards. */
export function EntityDeliveryMetrics(props: { entity: Entity }) {
  const subject = useMemo(
    () => ({ entity: getCompoundEntityRef(props.entity) }),
    [props.entity],
  );
  return (
    <Box mt={2}>
      <DeliveryMetrics subject={subject} />
    </Box>
  );
}
