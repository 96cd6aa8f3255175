import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  HEALTH_ORDER,
  syncStatusSchema,
  type TeamStatusResponse,
} from '@gitops-portal/plugin-gitops-common';
import { StatusIcon } from './StatusCell';
import { cellTone } from './statusTone';

function Count(props: {
  tone: Parameters<typeof StatusIcon>[0]['tone'];
  label: string;
}) {
  return (
    <Typography
      component="li"
      variant="body2"
      style={{ display: 'inline-flex', alignItems: 'baseline' }}
    >
      <StatusIcon tone={props.tone} />
      {props.label}
    </Typography>
  );
}

/** One labelled row of counts ("Health" or "Sync": both have an Unknown). */
function CountList(props: { label: string; children: ReactNode }) {
  return (
    <Box display="flex" alignItems="baseline" style={{ gap: 16 }}>
      <Typography variant="caption" style={{ minWidth: 48 }}>
        {props.label}
      </Typography>
      <Box
        component="ul"
        aria-label={props.label}
        display="flex"
        flexWrap="wrap"
        p={0}
        m={0}
        style={{ gap: 16, listStyle: 'none' }}
      >
        {props.children}
      </Box>
    </Box>
  );
}

/**
 * Counts of the team's objects by health (worst first) and by sync, each with the Backstage status icon of its
 * tone and the count in words.
 */
export function TeamSummary(props: { counts: TeamStatusResponse['counts'] }) {
  const { byHealth, bySync, total } = props.counts;
  return (
    <Box mb={2} aria-label="Summary" role="region">
      <Typography variant="subtitle2">{total} objects</Typography>
      <CountList label="Health">
        {HEALTH_ORDER.map(status => (
          <Count
            key={status}
            tone={cellTone({ health: status, sync: 'Synced' })}
            label={`${status}: ${byHealth[status] ?? 0}`}
          />
        ))}
      </CountList>
      <CountList label="Sync">
        {syncStatusSchema.options.map(status => (
          <Count
            key={status}
            tone={cellTone({ health: 'Healthy', sync: status })}
            label={`${status}: ${bySync[status] ?? 0}`}
          />
        ))}
      </CountList>
    </Box>
  );
}
