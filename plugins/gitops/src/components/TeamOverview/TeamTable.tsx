import { memo, useId } from 'react';
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
import type { TeamStatusRow } from '@gitops-portal/plugin-gitops-common';
import { StatusCell } from './StatusCell';
import type { FleetRow } from './teamRows';
import { GRID_CELL, GRID_ROW, useGridKeyboard } from './useGridKeyboard';
import { useProgressiveCount } from './useProgressiveCount';

type EntityLink = (ref: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

const NO_AGES: ReadonlyMap<string, number> = new Map();

/** One service; memoised so filtering 500 rows re-renders only what changed. */
const TeamRowView = memo(function TeamRow(props: {
  row: TeamStatusRow & Partial<Pick<FleetRow, 'teams'>>;
  environments: string[];
  showTeams: boolean;
  staleAges: ReadonlyMap<string, number>;
  entityLink: EntityLink;
}) {
  const { row } = props;
  const ref = parseEntityRef(row.entityRef);
  return (
    <TableRow data-testid="team-row" {...GRID_ROW}>
      <TableCell component="th" scope="row">
        <Link to={props.entityLink(ref)} {...GRID_CELL}>
          {ref.name}
        </Link>
        <Typography variant="caption" display="block">
          worst: {row.worstHealth}
        </Typography>
      </TableCell>
      {props.showTeams ? (
        <TableCell {...GRID_CELL}>
          {(row.teams ?? []).map(team => parseEntityRef(team).name).join(', ')}
        </TableCell>
      ) : null}
      {props.environments.map(environment => {
        const cell = row.environments[environment];
        return (
          <TableCell key={environment} {...GRID_CELL}>
            {cell ? (
              <StatusCell
                cell={cell}
                staleAgeSeconds={props.staleAges.get(environment)}
              />
            ) : (
              <span aria-label="not deployed">—</span>
            )}
          </TableCell>
        );
      })}
    </TableRow>
  );
});

/**
 * Services × environments as a plain table; arrow keys move between cells. A long table renders its first screenful
 * at once and the rest right after (useProgressiveCount), so every row ends up in the DOM without virtualisation.
 */
export function TeamTable(props: {
  rows: Array<TeamStatusRow & Partial<Pick<FleetRow, 'teams'>>>;
  environments: string[];
  /** Adds a Team column (the fleet page showing several teams). */
  showTeams?: boolean;
  /** Seconds since each stale environment's data was last fresh. */
  staleAges?: ReadonlyMap<string, number>;
}) {
  const entityLink = useRouteRef(entityRouteRef);
  const grid = useGridKeyboard<HTMLTableElement>();
  const staleAges = props.staleAges ?? NO_AGES;
  const hintId = useId();
  const shown = useProgressiveCount(props.rows.length);
  return (
    <>
      <Typography variant="caption" id={hintId} display="block">
        Arrow keys move between cells; Enter opens a service.
      </Typography>
      <Table
        size="small"
        aria-label="Services by environment"
        aria-describedby={hintId}
        ref={grid.ref}
        onKeyDown={grid.onKeyDown}
      >
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            {props.showTeams ? <TableCell>Team</TableCell> : null}
            {props.environments.map(environment => (
              <TableCell key={environment}>{environment}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.slice(0, shown).map(row => (
            <TeamRowView
              key={row.entityRef}
              row={row}
              environments={props.environments}
              showTeams={props.showTeams ?? false}
              staleAges={staleAges}
              entityLink={entityLink}
            />
          ))}
        </TableBody>
      </Table>
    </>
  );
}
