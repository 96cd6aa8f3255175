import { useMemo, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { FleetView } from './FleetView';
import { NO_FILTERS } from './teamRows';

export { TEAM_OVERVIEW_RENDERED_MARK } from './FleetView';

/** Every service one team owns × environments, broken now first (a Group's GitOps tab). */
export function TeamOverview(props: { teamRef: string }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const teams = useMemo(() => [props.teamRef], [props.teamRef]);
  return (
    <InfoCard title="GitOps status">
      <FleetView teams={teams} filters={filters} onFiltersChange={setFilters} />
    </InfoCard>
  );
}
