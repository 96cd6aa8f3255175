import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useGoldenPathOptions } from './useGoldenPathOptions';

/**
 * Scaffolder field `GitopsClusterPicker`: one cluster, by name, among those the backend reads (its configured and
 * discovered clusters), so a template names no cluster. Each is shown with its environment; the first is chosen
 * to start with.
 */
export function ClusterPickerField(
  props: FieldExtensionComponentProps<string | undefined>,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const state = useGoldenPathOptions();
  const clusters = state.value?.clusters ?? [];
  const first = clusters[0]?.name;

  useEffect(() => {
    if (formData === undefined && first) onChange(first);
  }, [formData, first, onChange]);

  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the clusters"
        error={state.error}
      />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading clusters">
        <Progress />
      </Box>
    );
  }
  if (clusters.length === 0) {
    return (
      <Typography role="alert" color="error">
        No cluster is configured: ask the platform team to add the backend's
        clusters.
      </Typography>
    );
  }
  return (
    <TextField
      id={idSchema?.$id ?? 'gitops-cluster'}
      select
      label={schema?.title ?? 'Cluster'}
      required={required}
      fullWidth
      margin="dense"
      value={clusters.some(c => c.name === formData) ? formData : ''}
      error={Boolean(rawErrors?.length)}
      helperText={rawErrors?.[0] ?? schema?.description}
      onChange={event => onChange(event.target.value)}
    >
      {clusters.map(cluster => (
        <MenuItem key={cluster.name} value={cluster.name}>
          {cluster.environment
            ? `${cluster.name} (${cluster.environment})`
            : cluster.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
