import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  HEALTH_ORDER,
  syncStatusSchema,
  type TeamStatusResponse,
} from '@gitops-portal/plugin-gitops-common';
import { HealthChip, SyncChip } from '../shared';

/** Counts of the team's objects by health (worst first) and by sync. */
export function TeamSummary(props: { counts: TeamStatusResponse['counts'] }) {
  const { byHealth, bySync, total } = props.counts;
  return (
    <Box mb={2} aria-label="Summary" role="region">
      <Typography variant="subtitle2">{total} objects</Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {HEALTH_ORDER.map(status => (
          <HealthChip
            key={status}
            status={status}
            count={byHealth[status] ?? 0}
          />
        ))}
        {syncStatusSchema.options.map(status => (
          <SyncChip key={status} status={status} count={bySync[status] ?? 0} />
        ))}
      </Box>
    </Box>
  );
}
