/**
 * The GitOps portal plugin for the new frontend system.
 *
 * @packageDocumentation
 */
import { gitopsPlugin } from './plugin';

export { gitopsPlugin };
export {
  gitopsApi,
  gitopsComponentContent,
  gitopsCrossplaneClaimField,
  gitopsClusterPickerField,
  gitopsClusterRequestChoiceField,
  gitopsConfigRepoPickerField,
  gitopsEnvironmentPickerField,
  gitopsRegistrationPickerField,
  gitopsGroupContent,
  gitopsTabPrefetch,
  gitopsOverviewCard,
  gitopsClusterProvisioningCard,
  gitopsPage,
} from './extensions';
export { gitopsPageRouteRef } from './routes';
export default gitopsPlugin;
