import { Content } from '@backstage/core-components';
import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
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

/** The /gitops page: team overview with a team picker. */
export const gitopsPage = PageBlueprint.make({
  params: {
    path: '/gitops',
    title: 'GitOps',
    routeRef: gitopsPageRouteRef,
    loader: () =>
      import('../components/TeamOverview').then(m => (
        <Content>
          <m.TeamOverviewWithPicker />
        </Content>
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
