import { screen } from '@testing-library/react';
import { getComponentData } from '@backstage/core-plugin-api';
import { crossplaneClaimValidation } from './components';
import { setupGitopsServer } from './__testUtils__/server';
import { renderWithApis, shopEntity, teamEntity } from './__testUtils__/render';
import {
  argoApp,
  entityStatus,
  teamStatus,
  manyTeamRows,
} from './__testUtils__/fixtures';
import {
  EntityGitopsContent,
  EntityGitopsOverviewCard,
  EntityGitopsTeamContent,
  GitopsClusterPickerFieldExtension,
  GitopsClusterRequestChoiceFieldExtension,
  GitopsConfigRepoPickerFieldExtension,
  GitopsCrossplaneClaimFieldExtension,
  GitopsEnvironmentPickerFieldExtension,
  GitopsRegistrationPickerFieldExtension,
  gitopsApiRef,
  gitopsPlugin,
} from '.';

describe('gitopsPlugin (legacy frontend system)', () => {
  const backend = setupGitopsServer();

  it('has the id gitops and provides the GitOps API', () => {
    expect(gitopsPlugin.getId()).toBe('gitops');
    expect([...gitopsPlugin.getApis()].map(factory => factory.api)).toEqual([
      gitopsApiRef,
    ]);
  });

  it('lazy-loads the component tab', async () => {
    backend.serve(
      '/entities/component/default/shop/status',
      entityStatus([argoApp({ health: { status: 'Missing' } })]),
    );
    backend.serve('/entities/component/default/shop/history', { items: [] });
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    expect(await screen.findByText('Missing')).toBeInTheDocument();
  });

  it('lazy-loads the overview card', async () => {
    backend.serve(
      '/entities/component/default/shop/status',
      entityStatus([argoApp({ health: { status: 'Missing' } })]),
    );
    await renderWithApis(<EntityGitopsOverviewCard />, { entity: shopEntity });
    expect(await screen.findByText('Missing')).toBeInTheDocument();
  });

  it('provides the scaffolder field GitopsCrossplaneClaim', () => {
    // How the scaffolder page collects field extensions from its children.
    const data = getComponentData<{ name: string; validation?: unknown }>(
      <GitopsCrossplaneClaimFieldExtension />,
      'scaffolder.extensions.field.v1',
    );
    expect(data?.name).toBe('GitopsCrossplaneClaim');
    expect(data?.validation).toBe(crossplaneClaimValidation);
  });

  it.each([
    ['GitopsConfigRepoPicker', GitopsConfigRepoPickerFieldExtension],
    ['GitopsEnvironmentPicker', GitopsEnvironmentPickerFieldExtension],
    ['GitopsRegistrationPicker', GitopsRegistrationPickerFieldExtension],
    ['GitopsClusterPicker', GitopsClusterPickerFieldExtension],
    ['GitopsClusterRequestChoice', GitopsClusterRequestChoiceFieldExtension],
  ])('provides the scaffolder field %s', (name, Extension) => {
    const data = getComponentData<{ name: string }>(
      <Extension />,
      'scaffolder.extensions.field.v1',
    );
    expect(data?.name).toBe(name);
  });

  it('lazy-loads the group tab', async () => {
    backend.serve('/teams/default/team-a/status', teamStatus(manyTeamRows(3)));
    backend.serve('/clusters', { items: [] });
    await renderWithApis(<EntityGitopsTeamContent />, { entity: teamEntity });
    expect(await screen.findAllByTestId('team-row')).toHaveLength(3);
  });
});
