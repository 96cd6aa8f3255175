import type { HealthSource } from '@gitops-portal/plugin-gitops-common';
import { screen, within } from '@testing-library/react';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, cluster, entityStatus } from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

describe('EntityGitopsContent health source', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
  });

  async function objectShown(healthSource?: HealthSource) {
    backend.serve(
      STATUS,
      entityStatus(
        [argoApp({ health: { status: 'Degraded' }, healthSource })],
        [cluster()],
      ),
    );
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    const grid = await screen.findByRole('table', {
      name: 'Environments by cluster',
    });
    return within(grid).getByRole('group', { name: 'Application shop' });
  }

  it.each<[HealthSource, string]>([
    ['argocd-application', 'health as Argo CD reports it'],
    ['custom-script', 'health from a custom health script'],
    ['builtin', 'health from the built-in rule'],
  ])('says a %s health comes from there', async (source, text) => {
    const object = await objectShown(source);
    expect(within(object).getByText(text)).toBeInTheDocument();
  });

  it('says nothing for a record without a source', async () => {
    const object = await objectShown(undefined);
    expect(within(object).getByText('Degraded')).toBeInTheDocument();
    expect(within(object).queryByText(/^health /)).not.toBeInTheDocument();
  });
});
