import { screen, within } from '@testing-library/react';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, entityStatus } from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

describe('EntityGitopsContent sync chips', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
  });

  it.each<[string, Partial<ObjectStatus>, number]>([
    ['an Argo CD Application', { sync: 'Unknown' }, 1],
    [
      'a Flux Kustomization',
      {
        engine: 'flux',
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        sync: 'Unknown',
      },
      1,
    ],
    [
      'an Argo Rollouts Rollout',
      { engine: 'argo-rollouts', kind: 'Rollout', sync: 'Unknown' },
      0,
    ],
    [
      'a Flux GitRepository',
      {
        engine: 'flux',
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        sync: 'Unknown',
      },
      0,
    ],
  ])('%s shows %i sync chip(s)', async (_name, change, chips) => {
    const object = argoApp({ ...change, name: 'web' });
    backend.serve(STATUS, entityStatus([object]));
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    const summary = await screen.findByRole('group', {
      name: `${object.kind} web`,
    });
    expect(within(summary).queryAllByTestId('sync-chip')).toHaveLength(chips);
  });
});
