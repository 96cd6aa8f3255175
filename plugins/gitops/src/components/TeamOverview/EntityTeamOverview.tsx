import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamOverview } from './TeamOverview';

/** The GitOps tab of a Group entity. */
export function EntityTeamOverview() {
  const { entity } = useEntity();
  return <TeamOverview teamRef={stringifyEntityRef(entity)} />;
}
