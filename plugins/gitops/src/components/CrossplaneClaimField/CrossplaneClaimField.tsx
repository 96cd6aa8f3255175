import { useEffect, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { Xrd } from '@gitops-portal/plugin-gitops-common';
import useAsync from 'react-use/esm/useAsync';
import { gitopsApiRef } from '../../api';
import {
  claimableXrds,
  defaultsOf,
  parameterProblems,
  parametersSchemaOf,
  servedVersions,
  type CrossplaneClaimValue,
} from './claimSchema';
import { ParameterInputs } from './ParameterInputs';

/** `ui:options` of the field. */
export interface CrossplaneClaimUiOptions {
  /** Claim kinds offered (e.g. `PostgreSQLInstance`); all claimable XRDs when absent. */
  kinds?: string[];
}

/** A fresh value for an XRD: its preferred served version and that version's defaults. */
function initialValue(xrd: Xrd): CrossplaneClaimValue {
  const version = servedVersions(xrd)[0];
  return {
    xrd,
    version: version?.name ?? '',
    parameters: version ? defaultsOf(parametersSchemaOf(version)) : {},
  };
}

/**
 * Scaffolder field `GitopsCrossplaneClaim`: pick an XRD and version from the live schemas served by the gitops
 * backend (`GET /xrds`), fill its claim parameters, and produce `{ xrd, version, parameters }`.
 */
export function CrossplaneClaimField(
  props: FieldExtensionComponentProps<
    CrossplaneClaimValue | undefined,
    CrossplaneClaimUiOptions
  >,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const kinds = props.uiSchema?.['ui:options']?.kinds;
  const api = useApi(gitopsApiRef);
  const state = useAsync(() => api.getXrds(), [api]);
  const xrds = useMemo(
    () => claimableXrds(state.value?.items ?? [], kinds),
    [state.value, kinds],
  );
  const id = idSchema?.$id ?? 'gitops-crossplane-claim';

  // The form may start the object with empty members (`{ xrd: {}, parameters: {} }`): only a named XRD counts.
  const chosenName = formData?.xrd?.name;
  // One XRD on offer: choose it, so the form opens on its parameters.
  useEffect(() => {
    if (!chosenName && xrds.length === 1) onChange(initialValue(xrds[0]));
  }, [chosenName, xrds, onChange]);

  const xrd = xrds.find(x => x.name === chosenName);
  const version = xrd?.versions.find(v => v.name === formData?.version);
  const parametersSchema = version ? parametersSchemaOf(version) : undefined;
  const errors = useMemo(() => {
    if (!parametersSchema) return new Map<string, string>();
    const problems = parameterProblems(
      formData?.parameters ?? {},
      parametersSchema,
    );
    return new Map(problems.map(problem => [problem.split(' ')[0], problem]));
  }, [formData?.parameters, parametersSchema]);

  if (state.error) {
    return (
      <ResponseErrorPanel title="Could not load the XRDs" error={state.error} />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading XRDs">
        <Typography variant="body2">Loading Crossplane XRDs…</Typography>
        <Progress />
      </Box>
    );
  }
  if (xrds.length === 0) {
    return (
      <Typography role="alert" color="error">
        No Crossplane XRD offers a claim
        {kinds?.length ? ` of kind ${kinds.join(', ')}` : ''}: ask the platform
        team to publish one.
      </Typography>
    );
  }
  return (
    <Box>
      {schema?.title && <Typography variant="h6">{schema.title}</Typography>}
      {schema?.description && (
        <Typography variant="body2">{schema.description}</Typography>
      )}
      <TextField
        id={`${id}-claim-kind`}
        select
        label="Claim kind"
        required={required}
        fullWidth
        margin="dense"
        value={xrd?.name ?? ''}
        error={!xrd && Boolean(rawErrors?.length)}
        helperText={xrd ? `${xrd.group} (${xrd.name})` : rawErrors?.[0]}
        onChange={event => {
          const chosen = xrds.find(x => x.name === event.target.value);
          if (chosen) onChange(initialValue(chosen));
        }}
      >
        {xrds.map(option => (
          <MenuItem key={option.name} value={option.name}>
            {option.claimKind}
          </MenuItem>
        ))}
      </TextField>
      {xrd && (
        <TextField
          id={`${id}-claim-version`}
          select
          label="Version"
          required
          fullWidth
          margin="dense"
          value={version?.name ?? ''}
          onChange={event => {
            const chosen = xrd.versions.find(
              v => v.name === event.target.value,
            );
            if (!chosen) return;
            onChange({
              xrd,
              version: chosen.name,
              parameters: defaultsOf(parametersSchemaOf(chosen)),
            });
          }}
        >
          {servedVersions(xrd).map(option => (
            <MenuItem key={option.name} value={option.name}>
              {option.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {xrd && version && parametersSchema && (
        <Box
          component="fieldset"
          border={0}
          p={0}
          m={0}
          mt={1}
          aria-label="Parameters"
        >
          <Typography component="legend" variant="subtitle1">
            Parameters
          </Typography>
          <ParameterInputs
            id={`${id}-parameters`}
            schema={parametersSchema}
            value={formData?.parameters ?? {}}
            errors={errors}
            onChange={parameters =>
              onChange({ xrd, version: version.name, parameters })
            }
          />
        </Box>
      )}
    </Box>
  );
}
