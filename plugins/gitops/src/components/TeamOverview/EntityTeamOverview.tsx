import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamDeliveryMetrics } from '../DeliveryMetrics';
import { TeamOverview } from './TeamOverview';

/** The GitOps tab of a Group entity. */
export function EntityTeamOverview() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  return (
    <>
      <TeamOverview teamRef={teamRef} />
      <TeamDeliveryMetrics teamRef={teamRef} />
    </>
  );
}
