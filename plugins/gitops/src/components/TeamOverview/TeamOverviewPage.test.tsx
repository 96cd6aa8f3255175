import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { TeamStatusRow } from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { testApis } from '../../__testUtils__/apis';
import { argoApp, cluster, teamStatus } from '../../__testUtils__/fixtures';
import { FleetPageContent } from './TeamOverviewPage';

const group = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'team', children: [] },
});

const row = (
  name: string,
  health: TeamStatusRow['worstHealth'],
): TeamStatusRow => ({
  entityRef: `component:default/${name}`,
  environments: {
    dev: { sync: 'Synced', health: 'Healthy' },
    prod: { sync: health === 'Healthy' ? 'Synced' : 'OutOfSync', health },
  },
  worstHealth: health,
});

/** Shows the URL the page wrote, as a person would see it in the address bar. */
function Address() {
  const location = useLocation();
  return <output aria-label="address">{location.search}</output>;
}

const address = () =>
  new URLSearchParams(
    screen.getByRole('status', { name: 'address' }).textContent ?? '',
  );

const services = () =>
  screen
    .getAllByTestId('team-row')
    .map(r => within(r).getAllByRole('link')[0].textContent);

describe('FleetPageContent', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve(
      '/teams/default/payments/status',
      teamStatus([
        row('payments-api', 'Healthy'),
        row('fraud-scorer', 'Degraded'),
      ]),
    );
    backend.serve(
      '/teams/default/search/status',
      teamStatus([row('search-ui', 'Progressing'), row('indexer', 'Missing')]),
    );
    backend.serve('/clusters', {
      items: [
        cluster({ name: 'dev-1', environment: 'dev' }),
        cluster({ name: 'prod-eu', environment: 'prod' }),
      ],
    });
  });

  async function renderPage(
    search = '',
    ownershipEntityRefs = ['user:default/ada', 'group:default/payments'],
  ) {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          ...testApis().apis,
          [identityApiRef, mockApis.identity({ ownershipEntityRefs })],
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                group('payments', 'Payments'),
                group('search', 'Search'),
              ],
            }),
          ],
        ]}
      >
        <FleetPageContent />
        <Address />
      </TestApiProvider>,
      {
        routeEntries: [`/gitops${search}`],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it("shows the signed-in user's teams without a pick", async () => {
    await renderPage();
    expect(await screen.findByText('Your teams: payments')).toBeInTheDocument();
    await screen.findAllByTestId('team-row');
    expect(services()).toEqual(['fraud-scorer', 'payments-api']);
  });

  it('asks for a pick when the user is in no team', async () => {
    await renderPage('', ['user:default/ada']);
    expect(
      await screen.findByText(
        'You are not a member of any team: pick teams to see their services.',
      ),
    ).toBeInTheDocument();
  });

  it('merges the teams in the URL, broken now first, with a Team column', async () => {
    await renderPage('?team=group:default/payments&team=group:default/search');
    await screen.findAllByTestId('team-row');
    expect(services()).toEqual([
      'fraud-scorer',
      'indexer',
      'search-ui',
      'payments-api',
    ]);
    expect(
      screen.getByRole('columnheader', { name: 'Team' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 broken now')).toBeInTheDocument();
  });

  it.each([
    ['?team=group:default/search&health=Missing', ['indexer']],
    ['?team=group:default/search&q=UI', ['search-ui']],
    ['?team=group:default/payments&sync=OutOfSync&env=prod', ['fraud-scorer']],
    [
      '?team=group:default/payments&health=NotAStatus',
      ['fraud-scorer', 'payments-api'],
    ],
  ])('applies the filters of %s', async (search, expected) => {
    await renderPage(search);
    await screen.findAllByTestId('team-row');
    expect(services()).toEqual(expected);
  });

  it('writes a changed filter to the URL', async () => {
    await renderPage();
    await screen.findAllByTestId('team-row');
    await userEvent.click(screen.getByRole('button', { name: /^Health/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'Degraded',
      }),
    );
    expect(address().get('health')).toBe('Degraded');
    expect(services()).toEqual(['fraud-scorer']);
  });

  it('writes picked teams to the URL and goes back to my teams', async () => {
    await renderPage();
    await screen.findAllByTestId('team-row');
    await userEvent.click(screen.getByRole('button', { name: /^Teams/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'Search',
      }),
    );
    await userEvent.keyboard('{Escape}');
    expect(address().getAll('team')).toEqual([
      'group:default/payments',
      'group:default/search',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'My teams' }));
    expect(address().getAll('team')).toEqual([]);
  });

  it('narrows to the services with an object in the picked cluster, and to its column', async () => {
    const asked = backend.serve('/overview', {
      items: [
        argoApp({
          cluster: 'prod-eu',
          entityRefs: ['component:default/payments-api'],
        }),
      ],
      total: 1,
    });
    await renderPage('?team=group:default/payments&cluster=prod-eu');
    expect(await screen.findByText('1 of 2 services')).toBeInTheDocument();
    expect(services()).toEqual(['payments-api']);
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['Service', 'prod']);
    expect(Object.fromEntries(asked[0].searchParams)).toMatchObject({
      team: 'group:default/payments',
      cluster: 'prod-eu',
    });
  });
});
