import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClusterState,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { CrossplaneTree } from './CrossplaneTree';
import { groupCrossplane } from './crossplaneModel';
import { buildEnvironmentGrid, environmentRows } from './gridModel';
import { ObjectSummary } from './ObjectSummary';

const useStyles = makeStyles(theme => ({
  clusters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: theme.spacing(1),
  },
  cluster: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1),
  },
}));

/** One cluster's objects in one environment: a compact card. */
function ClusterCell(props: {
  cluster: string;
  environment: string;
  objects: ObjectStatus[];
}) {
  const classes = useStyles();
  const { plain, trees } = useMemo(
    () => groupCrossplane(props.objects),
    [props.objects],
  );
  return (
    <Box
      className={classes.cluster}
      role="group"
      aria-label={`Cluster ${props.cluster} in ${props.environment}`}
    >
      <Typography variant="overline" component="h4">
        {props.cluster}
      </Typography>
      {plain.map(object => (
        <ObjectSummary key={object.key} object={object} />
      ))}
      {trees.map(tree => (
        <CrossplaneTree key={`${tree.ref.kind}/${tree.ref.name}`} node={tree} />
      ))}
    </Box>
  );
}

/** One row per environment (dev → prod), its clusters side by side as compact cells. */
export function EnvironmentGrid(props: {
  objects: ObjectStatus[];
  clusters: ClusterState[];
}) {
  const classes = useStyles();
  const rows = useMemo(
    () => environmentRows(buildEnvironmentGrid(props.objects, props.clusters)),
    [props.objects, props.clusters],
  );
  return (
    <Table size="small" aria-label="Environments by cluster">
      <TableHead>
        <TableRow>
          <TableCell style={{ whiteSpace: 'nowrap' }}>Environment</TableCell>
          <TableCell>Clusters</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.environment}>
            <TableCell
              component="th"
              scope="row"
              role="rowheader"
              style={{
                verticalAlign: 'top',
                width: '1%',
                whiteSpace: 'nowrap',
              }}
            >
              {row.environment}
            </TableCell>
            <TableCell>
              <Box className={classes.clusters}>
                {row.clusters.map(cell => (
                  <ClusterCell
                    key={cell.cluster}
                    environment={row.environment}
                    {...cell}
                  />
                ))}
              </Box>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
