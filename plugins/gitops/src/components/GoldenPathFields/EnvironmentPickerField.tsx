import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  environmentChoices,
  type EnvironmentPickerUiOptions,
} from './environmentChoices';
import { useGoldenPathOptions } from './useGoldenPathOptions';

type Value = string | string[] | undefined;

/**
 * Scaffolder field `GitopsEnvironmentPicker`: environments as the backend knows them from its clusters, in delivery
 * order, so a template names no environment list. A `string` property picks one, the first offered to start with; an
 * `array` property picks several, all of them to start with.
 */
export function EnvironmentPickerField(
  props: FieldExtensionComponentProps<Value, EnvironmentPickerUiOptions>,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const many = schema?.type === 'array';
  const state = useGoldenPathOptions();
  const choices = environmentChoices(
    state.value?.environments ?? [],
    props.uiSchema?.['ui:options'],
  );
  const id = idSchema?.$id ?? 'gitops-environment';
  const label = schema?.title ?? (many ? 'Environments' : 'Environment');

  // An array starts with every environment, a string with the first offered (with `omit: last`/`first`, the
  // first promotion step), as the templates' fixed defaults did.
  const start = many ? choices : choices[0];
  useEffect(() => {
    if (formData === undefined && start !== undefined && start.length > 0) {
      onChange(start);
    }
  }, [formData, start, onChange]);

  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the environments"
        error={state.error}
      />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading environments">
        <Progress />
      </Box>
    );
  }
  if (choices.length === 0) {
    return (
      <Typography role="alert" color="error">
        No environment is configured: ask the platform team to give the
        backend's clusters an environment.
      </Typography>
    );
  }
  if (many) {
    const chosen = new Set(Array.isArray(formData) ? formData : []);
    return (
      <FormControl
        component="fieldset"
        required={required}
        error={Boolean(rawErrors?.length)}
        margin="dense"
      >
        <FormLabel component="legend">{label}</FormLabel>
        <FormGroup>
          {choices.map(environment => (
            <FormControlLabel
              key={environment}
              label={environment}
              control={
                <Checkbox
                  id={`${id}-${environment}`}
                  checked={chosen.has(environment)}
                  onChange={event => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(environment);
                    else next.delete(environment);
                    // Kept in delivery order, whatever order they were ticked in.
                    onChange(choices.filter(choice => next.has(choice)));
                  }}
                />
              }
            />
          ))}
        </FormGroup>
        <FormHelperText>{rawErrors?.[0] ?? schema?.description}</FormHelperText>
      </FormControl>
    );
  }
  return (
    <TextField
      id={id}
      select
      label={label}
      required={required}
      fullWidth
      margin="dense"
      value={typeof formData === 'string' ? formData : ''}
      error={Boolean(rawErrors?.length)}
      helperText={rawErrors?.[0] ?? schema?.description}
      onChange={event => onChange(event.target.value)}
    >
      {choices.map(environment => (
        <MenuItem key={environment} value={environment}>
          {environment}
        </MenuItem>
      ))}
    </TextField>
  );
}
