import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import {
  argoApp,
  cluster,
  entityStatus,
  SHA,
} from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

describe('EntityGitopsContent', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<EntityGitopsContent />, { entity: shopEntity });

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
  });

  it('renders environments (rows) with their clusters, sync, health and a commit link', async () => {
    backend.serve(
      STATUS,
      entityStatus(
        [
          argoApp({
            health: { status: 'Degraded', message: 'BackOff: crash loop' },
            sync: 'OutOfSync',
          }),
          argoApp({ cluster: 'dev', environment: 'dev', name: 'shop-dev' }),
        ],
        [cluster({ name: 'dev', environment: 'dev' }), cluster()],
      ),
    );
    await render();
    const grid = await screen.findByRole('table', {
      name: 'Environments by cluster',
    });
    const environments = within(grid)
      .getAllByRole('rowheader')
      .map(h => h.textContent);
    expect(environments).toEqual(['dev', 'prod']);
    const prod = within(grid).getByRole('group', {
      name: 'Cluster prod-eu in prod',
    });
    expect(within(prod).getByText('OutOfSync')).toBeInTheDocument();
    expect(within(prod).getByText('Degraded')).toBeInTheDocument();
    expect(within(prod).getByText('BackOff: crash loop')).toBeInTheDocument();
    expect(
      within(prod).getByRole('link', { name: /^Commit 4f1c2a9/ }),
    ).toHaveAttribute(
      'href',
      `https://github.com/acme/shop-config/commit/${SHA}`,
    );
  });

  it('marks stale objects with their age', async () => {
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({ stale: { since: '2025-03-01T11:55:00Z', ageSeconds: 300 } }),
      ]),
    );
    await render();
    expect(await screen.findByText('stale · 5m')).toBeInTheDocument();
  });

  it('shows a banner for an unreachable cluster', async () => {
    backend.serve(
      STATUS,
      entityStatus(
        [argoApp()],
        [cluster({ state: 'unreachable', message: 'connect ECONNREFUSED' })],
      ),
    );
    await render();
    expect(
      await screen.findByText(/Cluster prod-eu is unreachable/),
    ).toBeInTheDocument();
  });

  it('highlights OutOfSync resources in the expanded resource list', async () => {
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          resources: [
            {
              group: 'apps',
              version: 'v1',
              kind: 'Deployment',
              name: 'shop',
              sync: 'OutOfSync',
              health: 'Healthy',
            },
            {
              group: '',
              version: 'v1',
              kind: 'Service',
              name: 'shop',
              sync: 'Synced',
              health: 'Healthy',
            },
          ],
        }),
      ]),
    );
    await render();
    await userEvent.click(
      await screen.findByRole('button', {
        name: /^Show resources of shop in prod-eu/,
      }),
    );
    const table = screen.getByRole('table', {
      name: 'Resources of shop in prod-eu',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-out-of-sync'))).toEqual([
      'true',
      'false',
    ]);
  });

  it('shows rollout progress', async () => {
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          engine: 'argo-rollouts',
          kind: 'Rollout',
          apiVersion: 'argoproj.io/v1alpha1',
          key: 'prod-eu/argoproj.io/Rollout/shop/shop',
          rollout: {
            phase: 'Paused',
            currentStep: 2,
            totalSteps: 5,
            canaryWeight: 20,
          },
        }),
      ]),
    );
    await render();
    expect(await screen.findByLabelText('Rollout progress')).toHaveTextContent(
      'Rollout: Paused · step 2/5 · canary 20%',
    );
  });

  it('nests Crossplane claim → composite → managed with Ready and Synced', async () => {
    const conditions = [
      { type: 'Ready', status: 'True' },
      { type: 'Synced', status: 'True' },
    ];
    const base = {
      engine: 'crossplane' as const,
      conditions,
      resources: undefined,
    };
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          ...base,
          key: 'c1',
          kind: 'Database',
          name: 'shop-db',
          crossplane: {
            role: 'claim',
            compositeRef: { kind: 'XDatabase', name: 'shop-db-x1' },
          },
        }),
        argoApp({
          ...base,
          key: 'c2',
          kind: 'XDatabase',
          name: 'shop-db-x1',
          crossplane: {
            role: 'composite',
            resourceRefs: [{ kind: 'Instance', name: 'shop-db-rds' }],
          },
        }),
        argoApp({
          ...base,
          key: 'c3',
          kind: 'Instance',
          name: 'shop-db-rds',
          conditions: [
            { type: 'Ready', status: 'False' },
            { type: 'Synced', status: 'True' },
          ],
          crossplane: { role: 'managed' },
        }),
      ]),
    );
    await render();
    const tree = await screen.findByRole('list', {
      name: 'Crossplane resources of shop-db',
    });
    expect(
      within(tree)
        .getAllByRole('listitem')
        .map(item => item.firstChild?.textContent),
    ).toEqual([
      'claim: Database shop-db — Ready True, Synced True',
      'composite: XDatabase shop-db-x1 — Ready True, Synced True',
      'managed: Instance shop-db-rds — Ready False, Synced True',
    ]);
  });

  it('explains how to label objects when there are none', async () => {
    backend.serve(STATUS, entityStatus([]));
    await render();
    expect(
      await screen.findByText('No GitOps objects found for this component'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/backstage.io\/kubernetes-id/).length,
    ).toBeGreaterThan(0);
  });

  it('shows the backend error', async () => {
    backend.fail(STATUS, 500, 'database is down');
    await render();
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database is down/).length).toBeGreaterThan(0);
  });
});
