import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';

const useStyles = makeStyles((theme: Theme) => ({
  outOfSync: { backgroundColor: theme.palette.warning.light },
}));

/** Argo CD's per-resource list, collapsed by default; OutOfSync rows are highlighted. */
export function ArgoResources(props: { object: ObjectStatus }) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const resources = props.object.resources ?? [];
  if (resources.length === 0) return null;
  const outOfSync = resources.filter(r => r.sync === 'OutOfSync').length;
  const label = `${props.object.name} in ${props.object.cluster}`;
  const count = `${resources.length} resources${
    outOfSync > 0 ? ` (${outOfSync} OutOfSync)` : ''
  }`;
  return (
    <>
      <Button
        size="small"
        aria-expanded={open}
        // The name holds the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
        aria-label={`${open ? 'Hide' : 'Show'} resources of ${label}: ${count}`}
        onClick={() => setOpen(!open)}
      >
        {count}
      </Button>
      {open && (
        <Table size="small" aria-label={`Resources of ${label}`}>
          <TableHead>
            <TableRow>
              <TableCell>Kind</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Sync</TableCell>
              <TableCell>Health</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {resources.map(resource => (
              <TableRow
                key={`${resource.group}/${resource.kind}/${resource.namespace}/${resource.name}`}
                className={
                  resource.sync === 'OutOfSync' ? classes.outOfSync : undefined
                }
                data-out-of-sync={resource.sync === 'OutOfSync'}
              >
                <TableCell>{resource.kind}</TableCell>
                <TableCell>
                  {resource.namespace ? `${resource.namespace}/` : ''}
                  {resource.name}
                </TableCell>
                <TableCell>
                  {resource.sync}
                  {resource.requiresPruning ? ' (requires pruning)' : ''}
                </TableCell>
                <TableCell>
                  {resource.health ?? '—'}
                  {resource.message ? `: ${resource.message}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
