import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ClusterPickerField } from './ClusterPickerField';
import { ClusterRequestChoiceField } from './ClusterRequestChoiceField';
import { ConfigRepoPickerField } from './ConfigRepoPickerField';
import { EnvironmentPickerField } from './EnvironmentPickerField';
import { RegistrationPickerField } from './RegistrationPickerField';

type FormFieldOptions = Parameters<typeof createFormField>[0];

/*
 * For the new frontend system's scaffolder (loaded lazily by FormFieldBlueprint). The props are typed from zod
 * schemas, which this plugin does not use: the components' own types are the contract.
 */

/** `GitopsConfigRepoPicker`. */
export const configRepoPickerFormField = createFormField({
  name: 'GitopsConfigRepoPicker',
  component: ConfigRepoPickerField as unknown as FormFieldOptions['component'],
});

/** `GitopsEnvironmentPicker`. */
export const environmentPickerFormField = createFormField({
  name: 'GitopsEnvironmentPicker',
  component: EnvironmentPickerField as unknown as FormFieldOptions['component'],
});

/** `GitopsRegistrationPicker`. */
export const registrationPickerFormField = createFormField({
  name: 'GitopsRegistrationPicker',
  component:
    RegistrationPickerField as unknown as FormFieldOptions['component'],
});

/** `GitopsClusterPicker`. */
export const clusterPickerFormField = createFormField({
  name: 'GitopsClusterPicker',
  component: ClusterPickerField as unknown as FormFieldOptions['component'],
});

/** `GitopsClusterRequestChoice`. */
export const clusterRequestChoiceFormField = createFormField({
  name: 'GitopsClusterRequestChoice',
  component:
    ClusterRequestChoiceField as unknown as FormFieldOptions['component'],
});
