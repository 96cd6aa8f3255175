import { Content } from '@backstage/core-components';
import {
  ApiBlueprint,
  AppRootElementBlueprint,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import GitopsIcon from '@material-ui/icons/Sync';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { gitopsApiRef, GitopsClient } from '../api';
import {
  EntityGitopsTab,
  EntityGitopsTeamTab,
  PrefetchTabFromUrl,
} from '../prefetch';
import { gitopsPageRouteRef } from './routes';

/** The GitopsClient as the plugin's utility API. */
export const gitopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: gitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GitopsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * "GitOps" tab of Components: the promotion pipeline, environments × clusters and history. Its first requests start
 * as the tab renders, while its code downloads (`EntityGitopsTab`, in this eager part of the plugin).
 */
export const gitopsComponentContent = EntityContentBlueprint.make({
  name: 'component',
  params: {
    path: 'gitops',
    title: 'GitOps',
    filter: { kind: 'component' },
    loader: async () => <EntityGitopsTab />,
  },
});

/**
 * Starts a GitOps tab's requests and code from its URL, before the entity page has loaded the entity and mounted
 * the tab (`PrefetchTabFromUrl`); renders nothing.
 */
export const gitopsTabPrefetch = AppRootElementBlueprint.make({
  name: 'tab-prefetch',
  params: { element: <PrefetchTabFromUrl /> },
});

/** "GitOps" tab of Groups: the team overview; the team's status is requested while its code downloads. */
export const gitopsGroupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: 'gitops',
    title: 'GitOps',
    filter: { kind: 'group' },
    loader: async () => <EntityGitopsTeamTab />,
  },
});

/** The /gitops page with its sidebar item: the fleet of the signed-in user's teams (or the teams picked). */
export const gitopsPage = PageBlueprint.make({
  params: {
    path: '/gitops',
    title: 'GitOps',
    icon: <GitopsIcon />,
    routeRef: gitopsPageRouteRef,
    loader: () =>
      import('../components/TeamOverview').then(m => (
        <Content>
          <m.FleetPageContent />
        </Content>
      )),
  },
});

/** The entity overview's GitOps card: one line per environment. */
export const gitopsOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityOverviewCard').then(m => (
        <m.EntityOverviewCard />
      )),
  },
});

/** A requested cluster's provisioning progress, on the catalog Resource `gitops:cluster:request` writes. */
export const gitopsClusterProvisioningCard = EntityCardBlueprint.make({
  name: 'cluster-provisioning',
  params: {
    filter: { kind: 'resource', 'spec.type': 'kubernetes-cluster' },
    loader: () =>
      import('../components/ClusterProvisioning').then(m => (
        <m.ClusterProvisioningCard />
      )),
  },
});

/** Scaffolder field `GitopsCrossplaneClaim`: the claim form built from the live XRD schemas. */
export const gitopsCrossplaneClaimField = FormFieldBlueprint.make({
  name: 'crossplane-claim',
  params: {
    field: () =>
      import('../components/CrossplaneClaimField/formField').then(
        m => m.crossplaneClaimFormField,
      ),
  },
});

/** Scaffolder field `GitopsConfigRepoPicker`: the config repo among those the backend is configured with. */
export const gitopsConfigRepoPickerField = FormFieldBlueprint.make({
  name: 'config-repo-picker',
  params: {
    field: () =>
      import('../components/GoldenPathFields/formFields').then(
        m => m.configRepoPickerFormField,
      ),
  },
});

/** Scaffolder field `GitopsEnvironmentPicker`: environments as the backend knows them, in delivery order. */
export const gitopsEnvironmentPickerField = FormFieldBlueprint.make({
  name: 'environment-picker',
  params: {
    field: () =>
      import('../components/GoldenPathFields/formFields').then(
        m => m.environmentPickerFormField,
      ),
  },
});

/** Scaffolder field `GitopsRegistrationPicker`: standalone, or an app-of-apps folder / ApplicationSet discovered. */
export const gitopsRegistrationPickerField = FormFieldBlueprint.make({
  name: 'registration-picker',
  params: {
    field: () =>
      import('../components/GoldenPathFields/formFields').then(
        m => m.registrationPickerFormField,
      ),
  },
});

/** Scaffolder field `GitopsClusterPicker`: one cluster among those the backend reads. */
export const gitopsClusterPickerField = FormFieldBlueprint.make({
  name: 'cluster-picker',
  params: {
    field: () =>
      import('../components/GoldenPathFields/formFields').then(
        m => m.clusterPickerFormField,
      ),
  },
});

/** Scaffolder field `GitopsClusterRequestChoice`: a provider, version or machine count of a cluster request. */
export const gitopsClusterRequestChoiceField = FormFieldBlueprint.make({
  name: 'cluster-request-choice',
  params: {
    field: () =>
      import('../components/GoldenPathFields/formFields').then(
        m => m.clusterRequestChoiceFormField,
      ),
  },
});
