import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { GoldenPathOptionsResponse } from '@gitops-portal/plugin-gitops-common';
import { useGoldenPathOptions } from './useGoldenPathOptions';

type ClusterRequestOptions = NonNullable<
  GoldenPathOptionsResponse['clusterRequest']
>;

/**
 * `ui:options` of `GitopsClusterRequestChoice`: which choice of `gitops.clusterRequest` the field offers.
 *
 * @public
 */
export interface ClusterRequestChoiceUiOptions {
  choice:
    | 'provider'
    | 'kubernetesVersion'
    | 'controlPlaneReplicas'
    | 'workerReplicas';
}

const TYPE_LABELS = { 'cluster-api': 'Cluster API', crossplane: 'Crossplane' };

/** The menu of a text choice: value and label. */
function menuOf(
  options: ClusterRequestOptions,
  choice: 'provider' | 'kubernetesVersion',
): Array<[string, string]> {
  return choice === 'provider'
    ? options.providers.map(p => [p.name, `${p.name} (${TYPE_LABELS[p.type]})`])
    : options.kubernetesVersions.map(v => [v, v]);
}

/** A count's bounds; the control plane's are odd only (an etcd quorum). */
function countsOf(bounds: { min: number; max: number }, oddOnly: boolean) {
  const counts: number[] = [];
  for (let n = bounds.min; n <= bounds.max; n++) {
    if (!oddOnly || n % 2 === 1) counts.push(n);
  }
  return counts;
}

/** The values a choice offers, as the menu shows them; the first is chosen to start with. */
function itemsOf(
  options: ClusterRequestOptions,
  choice: ClusterRequestChoiceUiOptions['choice'],
): Array<[string | number, string]> {
  if (choice === 'provider' || choice === 'kubernetesVersion') {
    return menuOf(options, choice);
  }
  return countsOf(options[choice], choice === 'controlPlaneReplicas').map(n => [
    n,
    String(n),
  ]);
}

/**
 * Scaffolder field `GitopsClusterRequestChoice`: one choice of a cluster request (`ui:options.choice`: the provider,
 * the Kubernetes version, or a machine count within its bounds) among what the backend's `gitops.clusterRequest`
 * offers, so the request-cluster template names no provider, version or bound.
 */
export function ClusterRequestChoiceField(
  props: FieldExtensionComponentProps<
    string | number | undefined,
    ClusterRequestChoiceUiOptions
  >,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const choice = props.uiSchema?.['ui:options']?.choice ?? 'provider';
  const state = useGoldenPathOptions();
  const options = state.value?.clusterRequest;
  const items = options ? itemsOf(options, choice) : [];
  const first = items[0]?.[0];

  useEffect(() => {
    if (formData === undefined && first !== undefined) onChange(first);
  }, [formData, first, onChange]);

  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the cluster request options"
        error={state.error}
      />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading cluster request options">
        <Progress />
      </Box>
    );
  }
  if (items.length === 0) {
    return (
      <Typography role="alert" color="error">
        Cluster requests are not configured: ask the platform team to set
        gitops.clusterRequest in the backend's configuration.
      </Typography>
    );
  }
  const chosen = items.find(([value]) => value === formData);
  return (
    <TextField
      id={idSchema?.$id ?? `gitops-cluster-request-${choice}`}
      select
      label={schema?.title ?? choice}
      required={required}
      fullWidth
      margin="dense"
      value={chosen ? String(chosen[0]) : ''}
      error={Boolean(rawErrors?.length)}
      helperText={rawErrors?.[0] ?? schema?.description}
      onChange={event => {
        const picked = items.find(
          ([value]) => String(value) === event.target.value,
        );
        if (picked) onChange(picked[0]);
      }}
    >
      {items.map(([value, label]) => (
        <MenuItem key={String(value)} value={String(value)}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}
