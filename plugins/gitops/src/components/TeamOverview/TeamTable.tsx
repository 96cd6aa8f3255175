import { memo } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  EnvironmentCell,
  TeamStatusRow,
} from '@gitops-portal/plugin-gitops-common';
import { shortRevision } from '../shared';

function cellText(cell: EnvironmentCell): string {
  return [
    cell.health,
    cell.sync,
    cell.revision ? shortRevision(cell.revision) : undefined,
    cell.stale ? 'stale' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One service; memoised so filtering 500 rows re-renders only what changed. */
const TeamRowView = memo(function TeamRow(props: {
  row: TeamStatusRow;
  environments: string[];
  entityLink: (ref: {
    kind: string;
    namespace: string;
    name: string;
  }) => string;
}) {
  const { row } = props;
  const ref = parseEntityRef(row.entityRef);
  return (
    <TableRow data-testid="team-row">
      <TableCell component="th" scope="row">
        <Link to={props.entityLink(ref)}>{ref.name}</Link>
        <Typography variant="caption" display="block">
          worst: {row.worstHealth}
        </Typography>
      </TableCell>
      {props.environments.map(environment => {
        const cell = row.environments[environment];
        return (
          <TableCell key={environment}>{cell ? cellText(cell) : '—'}</TableCell>
        );
      })}
    </TableRow>
  );
});

/** Services × environments as a plain table (fast enough for 500 rows without virtualisation). */
export function TeamTable(props: {
  rows: TeamStatusRow[];
  environments: string[];
}) {
  const entityLink = useRouteRef(entityRouteRef);
  return (
    <Table size="small" aria-label="Services by environment">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          {props.environments.map(environment => (
            <TableCell key={environment}>{environment}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TeamRowView
            key={row.entityRef}
            row={row}
            environments={props.environments}
            entityLink={entityLink}
          />
        ))}
      </TableBody>
    </Table>
  );
}
