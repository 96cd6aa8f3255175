import { screen } from '@testing-library/react';
import {
  ApiBlueprint,
  coreExtensionData,
  type FrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { gitopsApiRef, GitopsClient } from '../api';
import { setupGitopsServer } from '../__testUtils__/server';
import { testApis } from '../__testUtils__/apis';
import { shopEntity, teamEntity } from '../__testUtils__/render';
import {
  argoApp,
  entityStatus,
  manyTeamRows,
  teamStatus,
} from '../__testUtils__/fixtures';
import gitopsPlugin, {
  gitopsApi,
  gitopsComponentContent,
  gitopsCrossplaneClaimField,
  gitopsClusterPickerField,
  gitopsConfigRepoPickerField,
  gitopsEnvironmentPickerField,
  gitopsRegistrationPickerField,
  gitopsGroupContent,
  gitopsOverviewCard,
  gitopsClusterProvisioningCard,
  gitopsPage,
} from '.';

describe('gitops alpha plugin', () => {
  const backend = setupGitopsServer();

  it('is the default export with plugin id gitops', () => {
    expect((gitopsPlugin as FrontendPlugin).id).toBe('gitops');
  });

  it.each([
    'api:gitops',
    'entity-content:gitops/component',
    'entity-content:gitops/group',
    'app-root-element:gitops/tab-prefetch',
    'entity-card:gitops/overview',
    'entity-card:gitops/cluster-provisioning',
    'page:gitops',
    'scaffolder-form-field:gitops/crossplane-claim',
    'scaffolder-form-field:gitops/config-repo-picker',
    'scaffolder-form-field:gitops/environment-picker',
    'scaffolder-form-field:gitops/cluster-request-choice',
    'scaffolder-form-field:gitops/registration-picker',
    'scaffolder-form-field:gitops/cluster-picker',
  ] as const)('has the extension %s the README documents', id => {
    expect(gitopsPlugin.getExtension(id)).toBeDefined();
  });

  it('offers the scaffolder field GitopsCrossplaneClaim', async () => {
    const tester = createExtensionTester(gitopsCrossplaneClaimField);
    const load = tester.get(FormFieldBlueprint.dataRefs.formFieldLoader);
    expect(await load()).toMatchObject({
      $$type: '@backstage/scaffolder/FormField',
      name: 'GitopsCrossplaneClaim',
    });
    expect(gitopsCrossplaneClaimField).toMatchObject({
      attachTo: { id: 'api:scaffolder/form-fields', input: 'formFields' },
    });
  });

  it.each([
    [
      'GitopsConfigRepoPicker',
      () => createExtensionTester(gitopsConfigRepoPickerField),
    ],
    [
      'GitopsEnvironmentPicker',
      () => createExtensionTester(gitopsEnvironmentPickerField),
    ],
    [
      'GitopsRegistrationPicker',
      () => createExtensionTester(gitopsRegistrationPickerField),
    ],
    [
      'GitopsClusterPicker',
      () => createExtensionTester(gitopsClusterPickerField),
    ],
  ])('offers the scaffolder field %s', async (name, tester) => {
    const load = tester().get(FormFieldBlueprint.dataRefs.formFieldLoader);
    expect(await load()).toMatchObject({
      $$type: '@backstage/scaffolder/FormField',
      name,
    });
  });

  it('adds a GitOps tab to Components only', () => {
    const tester = createExtensionTester(gitopsComponentContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('GitOps');
    expect(tester.get(coreExtensionData.routePath)).toBe('gitops');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect([filter?.(shopEntity), filter?.(teamEntity)]).toEqual([true, false]);
  });

  it('adds a GitOps tab to Groups only', () => {
    const tester = createExtensionTester(gitopsGroupContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('GitOps');
    expect(tester.get(coreExtensionData.routePath)).toBe('gitops');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect([filter?.(shopEntity), filter?.(teamEntity)]).toEqual([false, true]);
  });

  it('mounts the fleet page at /gitops with a sidebar item', () => {
    const tester = createExtensionTester(gitopsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/gitops');
    // A page with a title and an icon is what the app's nav lists.
    expect(tester.get(coreExtensionData.title)).toBe('GitOps');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it("adds the GitOps card to Components' overview only", () => {
    const tester = createExtensionTester(gitopsOverviewCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect([filter?.(shopEntity), filter?.(teamEntity)]).toEqual([true, false]);
  });

  it('adds the cluster provisioning card to kubernetes-cluster Resources only', () => {
    const tester = createExtensionTester(gitopsClusterProvisioningCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const resource = (type: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'edge-1' },
      spec: { type, owner: 'group:default/platform' },
    });
    expect([
      filter?.(resource('kubernetes-cluster')),
      filter?.(resource('database')),
      filter?.(shopEntity),
    ]).toEqual([true, false, false]);
  });

  it('provides the GitopsClient as the gitops API', () => {
    const factory = createExtensionTester(gitopsApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    const { discoveryApi, fetchApi } = testApis();
    expect(factory.api).toBe(gitopsApiRef);
    expect(factory.factory({ discoveryApi, fetchApi })).toBeInstanceOf(
      GitopsClient,
    );
  });

  it("renders the page with the user's teams", async () => {
    backend.serve('/teams/default/team-a/status', teamStatus(manyTeamRows(2)));
    backend.serve('/clusters', { items: [] });
    const tester = createExtensionTester(gitopsPage);
    renderInTestApp(tester.reactElement(), {
      apis: [
        ...testApis().apis,
        [catalogApiRef, catalogApiMock({ entities: [teamEntity] })],
        [
          identityApiRef,
          mockApis.identity({ ownershipEntityRefs: ['group:default/team-a'] }),
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findAllByTestId('team-row')).toHaveLength(2);
    expect(
      await screen.findByRole('button', { name: /^Teams/ }),
    ).toBeInTheDocument();
  });

  it('renders the overview card with the real client', async () => {
    backend.serve(
      '/entities/component/default/shop/status',
      entityStatus([argoApp({ health: { status: 'Missing' } })]),
    );
    const tester = createExtensionTester(gitopsOverviewCard);
    renderInTestApp(
      <EntityProvider entity={shopEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: testApis().apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Missing')).toBeInTheDocument();
  });

  it('renders the component tab with the real client', async () => {
    backend.serve(
      '/entities/component/default/shop/status',
      entityStatus([argoApp({ health: { status: 'Degraded' } })]),
    );
    backend.serve('/entities/component/default/shop/history', { items: [] });
    const tester = createExtensionTester(gitopsComponentContent);
    renderInTestApp(
      <EntityProvider entity={shopEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: testApis().apis },
    );
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
  });
});
