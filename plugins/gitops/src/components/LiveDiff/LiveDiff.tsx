import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  LiveDiffResponse,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { gitopsApiRef } from '../../api';
import { prefetchKeys, usePrefetched } from '../../prefetch/PrefetchContext';
import { useGitopsSignal } from '../../hooks';
import { useRefetchableAsync } from '../../hooks/useRefetchableAsync';
import { formatDuration, shortRevision, timeSince } from '../shared';
import { ResourceDiff } from './ResourceDiff';

/**
 * Desired against live, per resource of one Application or Kustomization: the backend renders the config repo at
 * the synced revision and reads the live objects; Secret values arrive masked. Refetched when a signal names the
 * entity, and says how old its read is and whether the cluster's data is stale. Opened by a link (`?diff=`), its
 * first answer is the one the tab requested before its code loaded (rendered in the first render when it is there).
 */
export function LiveDiff(props: {
  entity: CompoundEntityRef;
  entityRef: string;
  object: ObjectStatus;
}) {
  const { entity, entityRef, object } = props;
  const api = useApi(gitopsApiRef);
  const { take, takeAnswer, startedAt } = usePrefetched();
  const key = prefetchKeys.liveDiff(entityRef, object.key);
  const [since] = useState(() => startedAt(key));
  // Opened by a link whose answer arrived before the tab mounted: the diffs render at once, no loading state first.
  const [answered] = useState(() => takeAnswer<LiveDiffResponse>(key));
  const diff = useRefetchableAsync(
    () => take<LiveDiffResponse>(key) ?? api.getLiveDiff(entity, object.key),
    [api, entity.kind, entity.namespace, entity.name, object.key, take],
    answered,
  );
  const refs = useMemo(() => [entityRef], [entityRef]);
  const shows = useMemo(() => [diff.value], [diff.value]);
  useGitopsSignal(refs, diff.refetch, { since, shows });
  const label = `${object.kind} ${object.name} in ${object.cluster}`;

  if (diff.error) {
    // The backend's message names what was refused (permission and entity) or what failed.
    const message =
      diff.error instanceof ResponseError
        ? diff.error.body.error.message
        : diff.error.message;
    return (
      <Alert severity="error" aria-label={`Live diff of ${label} failed`}>
        {message}
      </Alert>
    );
  }
  if (!diff.value) {
    return (
      <Box role="status" aria-label={`Loading the live diff of ${label}`}>
        <Typography variant="body2">
          Rendering the config repo and reading the cluster…
        </Typography>
        <Progress />
      </Box>
    );
  }
  const { desired, resources, unsupported, notes, readAt } = diff.value;
  const differing = resources.filter(r => r.status !== 'same');
  const same = resources.length - differing.length;
  return (
    <Box component="section" aria-label={`Live diff of ${label}`} mt={1}>
      <Typography variant="body2">
        {desired
          ? `Desired: ${desired.repo}/${desired.path} at ${shortRevision(
              desired.revision,
            )} (${desired.renderer}), against the live objects`
          : 'Live objects'}{' '}
        read {timeSince(readAt)}
        {diff.loading ? ' (refreshing…)' : ''}.
      </Typography>
      {object.stale && (
        <Alert severity="warning">
          The cluster's status is stale (
          {formatDuration(object.stale.ageSeconds)} old): live objects may not
          have been readable.
        </Alert>
      )}
      {[...notes, ...unsupported].map(note => (
        <Alert key={note} severity="info">
          {note}
        </Alert>
      ))}
      <Typography variant="body2">
        {differing.length} of {resources.length} resources differ
        {same > 0 ? `; ${same} match` : ''}.
      </Typography>
      {differing.map(resource => (
        <ResourceDiff
          key={`${resource.group}/${resource.kind}/${resource.namespace}/${resource.name}`}
          resource={resource}
        />
      ))}
    </Box>
  );
}
