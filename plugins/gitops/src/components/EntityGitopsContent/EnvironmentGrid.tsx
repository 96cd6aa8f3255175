import { useMemo } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type {
  ClusterState,
  ObjectStatus,
} from '@internal/plugin-gitops-common';
import { CrossplaneTree } from './CrossplaneTree';
import { groupCrossplane } from './crossplaneModel';
import { buildEnvironmentGrid } from './gridModel';
import { ObjectSummary } from './ObjectSummary';

function Cell(props: { objects: ObjectStatus[] }) {
  const { plain, trees } = useMemo(
    () => groupCrossplane(props.objects),
    [props.objects],
  );
  return (
    <>
      {plain.map(object => (
        <ObjectSummary key={object.key} object={object} />
      ))}
      {trees.map(tree => (
        <CrossplaneTree key={`${tree.ref.kind}/${tree.ref.name}`} node={tree} />
      ))}
    </>
  );
}

/** Environments (columns, dev → prod) × clusters (rows). */
export function EnvironmentGrid(props: {
  objects: ObjectStatus[];
  clusters: ClusterState[];
}) {
  const grid = useMemo(
    () => buildEnvironmentGrid(props.objects, props.clusters),
    [props.objects, props.clusters],
  );
  return (
    <Table aria-label="Environments by cluster">
      <TableHead>
        <TableRow>
          <TableCell>Cluster</TableCell>
          {grid.environments.map(environment => (
            <TableCell key={environment}>{environment}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {grid.clusters.map(cluster => (
          <TableRow key={cluster}>
            <TableCell component="th" scope="row">
              {cluster}
            </TableCell>
            {grid.environments.map(environment => {
              const objects = grid.cells.get(cluster)?.get(environment);
              return (
                <TableCell key={environment} style={{ verticalAlign: 'top' }}>
                  {objects ? <Cell objects={objects} /> : '—'}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
