import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import { parseEntityRef } from '@backstage/catalog-model';
import { DeliveryMetrics } from './DeliveryMetrics';

/** The delivery metrics of a team's entities the user may read, spaced to sit under the team's status. */
export function TeamDeliveryMetrics(props: { teamRef: string }) {
  const subject = useMemo(
    () => ({ team: parseEntityRef(props.teamRef, { defaultKind: 'group' }) }),
    [props.teamRef],
  );
  return (
    <Box mt={2}>
      <DeliveryMetrics subject={subject} />
    </Box>
  );
}
