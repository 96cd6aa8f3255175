import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
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
import { gitopsPageRouteRef } from './routes';

/**
 * The GitOps portal plugin for the new frontend system.
 *
 * @alpha
 */
export const gitopsPlugin = createFrontendPlugin({
  pluginId: 'gitops',
  title: 'GitOps',
  info: { packageJson: () => import('../../package.json') },
  routes: { root: gitopsPageRouteRef },
  extensions: [
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
  ],
});
