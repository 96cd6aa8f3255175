import Alert from '@material-ui/lab/Alert';
import { formatDuration } from '../shared';
import type { StaleCluster } from './staleAges';

/** Says which clusters the view shows cached data of, and how old it is. */
export function StaleNotice(props: { clusters: StaleCluster[] }) {
  if (props.clusters.length === 0) return null;
  return (
    <Alert severity="warning" role="status" style={{ marginBottom: 16 }}>
      Showing last-known status for{' '}
      {props.clusters
        .map(
          cluster =>
            `${cluster.name} (${
              cluster.environment
            }, stale for ${formatDuration(cluster.ageSeconds)})`,
        )
        .join(', ')}
      : the portal cannot reach{' '}
      {props.clusters.length === 1 ? 'this cluster' : 'these clusters'}.
    </Alert>
  );
}
