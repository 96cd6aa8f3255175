import { Content } from '@backstage/core-components';
import {
  ApiBlueprint,
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

/** "GitOps" tab of Components: environments × clusters and history. */
export const gitopsComponentContent = EntityContentBlueprint.make({
  name: 'component',
  params: {
    path: 'gitops',
    title: 'GitOps',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityGitopsContent').then(m => (
        <m.EntityGitopsContent />
      )),
  },
});

/** "GitOps" tab of Groups: the team overview. */
export const gitopsGroupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: 'gitops',
    title: 'GitOps',
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamOverview').then(m => <m.EntityTeamOverview />),
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
