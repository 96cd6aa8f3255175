export { ClusterPickerField } from './ClusterPickerField';
export { ClusterRequestChoiceField } from './ClusterRequestChoiceField';
export type { ClusterRequestChoiceUiOptions } from './ClusterRequestChoiceField';
export { ConfigRepoPickerField } from './ConfigRepoPickerField';
export { EnvironmentPickerField } from './EnvironmentPickerField';
export { RegistrationPickerField } from './RegistrationPickerField';
export type { EnvironmentPickerUiOptions } from './environmentChoices';
