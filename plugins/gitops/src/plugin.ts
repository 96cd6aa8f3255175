import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { gitopsApiRef, GitopsClient } from './api';
import {
  CrossplaneClaimField,
  crossplaneClaimValidation,
} from './components/CrossplaneClaimField';
import {
  ClusterPickerField,
  ClusterRequestChoiceField,
  ConfigRepoPickerField,
  EnvironmentPickerField,
  RegistrationPickerField,
  type ClusterRequestChoiceUiOptions,
} from './components/GoldenPathFields';
import { rootRouteRef } from './routes';

/**
 * The GitOps portal plugin for the legacy frontend system.
 *
 * @public
 */
export const gitopsPlugin = createPlugin({
  id: 'gitops',
  apis: [
    createApiFactory({
      api: gitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GitopsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The GitOps tab of a component: environments × clusters and history.
 *
 * @public
 */
export const EntityGitopsContent = gitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityGitopsContent',
    component: {
      lazy: () =>
        import('./components/EntityGitopsContent').then(
          m => m.EntityGitopsContent,
        ),
    },
  }),
);

/**
 * The GitOps tab of a Group: every service the team owns × environments.
 *
 * @public
 */
export const EntityGitopsTeamContent = gitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityGitopsTeamContent',
    component: {
      lazy: () =>
        import('./components/TeamOverview').then(m => m.EntityTeamOverview),
    },
  }),
);

/**
 * The fleet page: every service of the signed-in user's teams (or the teams picked) × environments, broken now
 * first, filters in the URL; mount it at `/gitops`.
 *
 * @public
 */
export const GitopsTeamOverviewPage = gitopsPlugin.provide(
  createRoutableExtension({
    name: 'GitopsTeamOverviewPage',
    component: () =>
      import('./components/TeamOverview').then(m => m.TeamOverviewPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Scaffolder field `GitopsCrossplaneClaim`: a claim form built from the live XRD schemas (`ui:options.kinds`
 * narrows the claim kinds). Produces `{ xrd, version, parameters }` for `gitops:crossplane:claim`.
 *
 * @public
 */
export const GitopsCrossplaneClaimFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'GitopsCrossplaneClaim',
    component: CrossplaneClaimField,
    validation: crossplaneClaimValidation,
    schema: {
      returnValue: {
        type: 'object',
        required: ['xrd', 'version', 'parameters'],
        properties: {
          xrd: { type: 'object' },
          version: { type: 'string' },
          parameters: { type: 'object' },
        },
      },
    },
  }),
);

/**
 * The delivery timeline of a component on its own (it is also part of `EntityGitopsContent`).
 *
 * @public
 */
export const EntityGitopsDeliveryTimeline = gitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityGitopsDeliveryTimeline',
    component: {
      lazy: () =>
        import('./components/DeliveryTimeline').then(
          m => m.EntityDeliveryTimeline,
        ),
    },
  }),
);

/**
 * The GitOps card of a component's overview tab: one line per environment (health, sync, revision, clusters).
 *
 * @public
 */
export const EntityGitopsOverviewCard = gitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityGitopsOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityOverviewCard').then(
          m => m.EntityOverviewCard,
        ),
    },
  }),
);

/**
 * Scaffolder field `GitopsConfigRepoPicker`: the GitOps config repo among those the backend is configured with, in
 * the RepoUrlPicker format the `gitops:*` actions take as `repoUrl`.
 *
 * @public
 */
export const GitopsConfigRepoPickerFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'GitopsConfigRepoPicker',
    component: ConfigRepoPickerField,
    schema: { returnValue: { type: 'string' } },
  }),
);

/**
 * Scaffolder field `GitopsClusterPicker`: one cluster, by name, among those the backend reads.
 *
 * @public
 */
export const GitopsClusterPickerFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'GitopsClusterPicker',
    component: ClusterPickerField,
    schema: { returnValue: { type: 'string' } },
  }),
);

/**
 * Scaffolder field `GitopsClusterRequestChoice`: one choice of a cluster request (`ui:options.choice`: the provider,
 * Kubernetes version, or control plane or worker machine count), among what `gitops.clusterRequest` allows.
 *
 * @public
 */
export const GitopsClusterRequestChoiceFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension<
    string | number | undefined,
    // A type literal: the scaffolder's options type needs an index signature, which an interface has not.
    { choice: ClusterRequestChoiceUiOptions['choice'] }
  >({
    name: 'GitopsClusterRequestChoice',
    component: ClusterRequestChoiceField,
  }),
);

/**
 * Scaffolder field `GitopsEnvironmentPicker`: one environment (a `string` property) or several (an `array`), as the
 * backend knows them from its clusters, in delivery order; `ui:options.omit` leaves out the first or last.
 *
 * @public
 */
export const GitopsEnvironmentPickerFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'GitopsEnvironmentPicker',
    component: EnvironmentPickerField,
  }),
);

/**
 * Scaffolder field `GitopsRegistrationPicker`: the new service's Argo CD registration (the `registration` input of
 * `gitops:service:create`): its own Applications, or an app-of-apps folder or ApplicationSet discovered in the config
 * repo.
 *
 * @public
 */
export const GitopsRegistrationPickerFieldExtension = gitopsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'GitopsRegistrationPicker',
    component: RegistrationPickerField,
  }),
);
