import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ServiceRegistration } from '@gitops-portal/plugin-gitops-common';
import useAsync from 'react-use/esm/useAsync';
import { gitopsApiRef } from '../../api';
import { keyOf, registrationChoices, STANDALONE } from './registrationChoices';

/**
 * Scaffolder field `GitopsRegistrationPicker`: how a new service is registered with Argo CD — its own Applications,
 * or one of the app-of-apps folders and ApplicationSets the backend discovered in the config repo
 * (`GET /registration-points`), so a template names none. The value is the `registration` input of
 * `gitops:service:create`; standalone to start with.
 */
export function RegistrationPickerField(
  props: FieldExtensionComponentProps<ServiceRegistration | undefined>,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const api = useApi(gitopsApiRef);
  const state = useAsync(() => api.getRegistrationPoints(), [api]);

  useEffect(() => {
    if (formData === undefined) onChange(STANDALONE.value);
  }, [formData, onChange]);

  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not discover the config repo's app-of-apps folders and ApplicationSets"
        error={state.error}
      />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading registration points">
        <Progress />
      </Box>
    );
  }
  const choices = registrationChoices(state.value?.points ?? []);
  const selected = keyOf(formData);
  return (
    <TextField
      id={idSchema?.$id ?? 'gitops-registration'}
      select
      label={schema?.title ?? 'Argo CD registration'}
      required={required}
      fullWidth
      margin="dense"
      value={choices.some(choice => choice.key === selected) ? selected : ''}
      error={Boolean(rawErrors?.length)}
      helperText={rawErrors?.[0] ?? schema?.description}
      onChange={event =>
        onChange(
          choices.find(choice => choice.key === event.target.value)?.value,
        )
      }
    >
      {choices.map(choice => (
        <MenuItem key={choice.key} value={choice.key}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
