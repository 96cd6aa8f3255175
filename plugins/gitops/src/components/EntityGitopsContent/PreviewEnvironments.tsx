import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { Entity } from '@backstage/catalog-model';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import type { PreviewEnvironment } from '@gitops-portal/plugin-gitops-common';
import { useEntityRequest } from '../../hooks';
import { HealthChip, SyncChip, timeSince } from '../shared';

/** One row per open pull request with a preview: its link, where it runs and how it is. */
export function PreviewTable(props: { previews: PreviewEnvironment[] }) {
  return (
    <Table size="small" aria-label="Preview environments">
      <TableHead>
        <TableRow>
          <TableCell>Pull request</TableCell>
          <TableCell>Namespace</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Sync</TableCell>
          <TableCell>Age</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.previews.map(preview => (
          <TableRow key={preview.key}>
            <TableCell>
              <Link
                href={preview.pullRequestUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                #{preview.pullRequestNumber}
              </Link>
            </TableCell>
            <TableCell>{preview.namespace ?? '—'}</TableCell>
            <TableCell>
              <HealthChip status={preview.health} />
            </TableCell>
            <TableCell>
              <SyncChip status={preview.sync} />
            </TableCell>
            <TableCell>
              {preview.createdAt ? timeSince(preview.createdAt) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The entity's live preview environments (one per open pull request of its repository), refreshed when its GitOps
 * objects change; nothing at all for an entity without previews.
 */
export function EntityPreviews(props: { entity: Entity }) {
  const previews = useEntityRequest(props.entity, (api, ref) =>
    api.getEntityPreviews(ref),
  );
  const list = previews.value?.previews ?? [];
  if (list.length === 0 && !(previews.error && !previews.value)) return null;
  return (
    <Box mt={2}>
      <InfoCard title="Preview environments">
        {previews.error && !previews.value ? (
          <ResponseErrorPanel error={previews.error} />
        ) : (
          <PreviewTable previews={list} />
        )}
      </InfoCard>
    </Box>
  );
}
