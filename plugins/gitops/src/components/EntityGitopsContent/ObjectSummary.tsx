import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  apiGroupOf,
  hasSyncState,
  type ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { LiveDiffToggle } from '../LiveDiff';
import { formatDuration, HealthChip, SyncChip, timeSince } from '../shared';
import { AmbiguityChip } from './AmbiguityChip';
import { DriftPolicyLine } from './DriftPolicyLine';
import { ApplicationSources } from './ApplicationSources';
import { ArgoResources } from './ArgoResources';
import { FluxDetails, RolloutProgress } from './EngineDetails';
import { HealthSourceNote } from './HealthSourceNote';
import { RevisionLink } from './RevisionLink';
import { DependsOnLine, SyncOperation } from '../SyncOperation';

/** Everything the grid shows about one GitOps object. */
export function ObjectSummary(props: { object: ObjectStatus }) {
  const { object } = props;
  return (
    <Box mb={1} aria-label={`${object.kind} ${object.name}`} role="group">
      <Typography variant="subtitle2">
        {object.kind} {object.name}
        {object.suspended ? ' (suspended)' : ''}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 4 }}
      >
        {/* A Rollout, a Canary or a Flux source has no sync state: its Unknown would say nothing. */}
        {hasSyncState(apiGroupOf(object.apiVersion), object.kind) && (
          <SyncChip status={object.sync} />
        )}
        <HealthChip status={object.health.status} />
        <HealthSourceNote source={object.healthSource} />
        {object.alsoClaimedBy?.length ? (
          <AmbiguityChip alsoClaimedBy={object.alsoClaimedBy} />
        ) : null}
        {object.stale && (
          <Typography variant="caption" color="error">
            stale · {formatDuration(object.stale.ageSeconds)}
          </Typography>
        )}
      </Box>
      {object.health.message && (
        <Typography variant="body2">{object.health.message}</Typography>
      )}
      {object.operation && (
        <Typography variant="body2">
          Operation: {object.operation.phase}
          {object.operation.message ? ` — ${object.operation.message}` : ''}
        </Typography>
      )}
      <SyncOperation object={object} />
      {object.sources?.length ? (
        <ApplicationSources sources={object.sources} />
      ) : (
        <RevisionLink object={object} />
      )}
      <DriftPolicyLine object={object} />
      {object.lastTransitionTime && (
        <Typography variant="caption" display="block">
          Changed {timeSince(object.lastTransitionTime)}
        </Typography>
      )}
      {object.engine === 'argocd' && <ArgoResources object={object} />}
      <LiveDiffToggle object={object} />
      {object.engine === 'flux' && <FluxDetails object={object} />}
      <DependsOnLine object={object} />
      {(object.engine === 'argo-rollouts' || object.engine === 'flagger') && (
        <RolloutProgress object={object} />
      )}
    </Box>
  );
}
