import { WarningPanel } from '@backstage/core-components';
import type { ClusterState } from '@gitops-portal/plugin-gitops-common';
import { timeSince } from '../shared';

const DESCRIPTION: Partial<Record<ClusterState['state'], string>> = {
  unreachable: 'is unreachable',
  unauthorized: 'refuses the portal’s credentials',
};

/** A warning per cluster the backend cannot read: what is shown may be out of date. */
export function ClusterBanners(props: { clusters: ClusterState[] }) {
  const broken = props.clusters.filter(c => DESCRIPTION[c.state]);
  return (
    <>
      {broken.map(cluster => (
        <WarningPanel
          key={cluster.name}
          severity="warning"
          title={`Cluster ${cluster.name} ${DESCRIPTION[cluster.state]}`}
          message={[
            cluster.message,
            cluster.staleSince
              ? `Showing cached status from ${timeSince(cluster.staleSince)}.`
              : undefined,
          ]
            .filter(Boolean)
            .join(' ')}
        />
      ))}
    </>
  );
}
