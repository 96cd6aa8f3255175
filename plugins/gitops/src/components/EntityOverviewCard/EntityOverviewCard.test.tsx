import { act, screen, within } from '@testing-library/react';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, entityStatus } from '../../__testUtils__/fixtures';
import { EntityOverviewCard } from './EntityOverviewCard';

const STATUS = '/entities/component/default/shop/status';

const lines = () =>
  within(
    screen.getByRole('list', { name: 'GitOps status by environment' }),
  ).getAllByRole('listitem');

describe('EntityOverviewCard', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<EntityOverviewCard />, { entity: shopEntity });

  it('shows one line per environment, dev → prod, in words and icons', async () => {
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          name: 'shop-prod',
          cluster: 'prod-eu',
          health: { status: 'Degraded' },
        }),
        argoApp({ name: 'shop-dev', environment: 'dev', cluster: 'dev-1' }),
      ]),
    );
    await render();
    await screen.findByRole('list', { name: 'GitOps status by environment' });
    expect(lines().map(line => line.textContent)).toEqual([
      'devHealthy· Synced· 4f1c2a9dev-1',
      'prodDegraded· Synced· 4f1c2a9prod-eu',
    ]);
    expect(within(lines()[1]).getByTestId('status-error')).toBeInTheDocument();
  });

  it('links to the GitOps tab', async () => {
    backend.serve(STATUS, entityStatus([argoApp()]));
    await render();
    expect(
      await screen.findByRole('link', { name: /Open the GitOps tab/ }),
    ).toHaveAttribute('href', '/catalog/default/component/shop/gitops');
  });

  it('says when nothing is labelled with the component', async () => {
    backend.serve(STATUS, entityStatus([]));
    await render();
    expect(
      await screen.findByText(
        'No GitOps objects are labelled with this component yet.',
      ),
    ).toBeInTheDocument();
  });

  it('follows a signal naming the component', async () => {
    let calls = 0;
    backend.serve(STATUS, () => {
      calls += 1;
      return entityStatus([
        argoApp({
          health: { status: calls === 1 ? 'Healthy' : 'Degraded' },
        }),
      ]);
    });
    const { signals } = await render();
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: ['component:default/shop'],
        clusters: ['prod-eu'],
      }),
    );
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    backend.fail(STATUS, 500, 'boom');
    await render();
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
  });
});
