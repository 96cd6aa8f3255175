export { ConfigRepoPickerField } from './ConfigRepoPickerField';
export { EnvironmentPickerField } from './EnvironmentPickerField';
export type { EnvironmentPickerUiOptions } from './environmentChoices';
