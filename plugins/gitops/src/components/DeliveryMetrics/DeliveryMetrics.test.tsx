import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DELIVERY_METRIC_DEFINITIONS } from '@gitops-portal/plugin-gitops-common';
import { deliveryMetrics } from '../../__testUtils__/deliveryMetrics';
import { BASE_URL, SHOP_REF } from '../../__testUtils__/fixtures';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import { EntityDeliveryMetrics } from './EntityDeliveryMetrics';
import { TeamDeliveryMetrics } from './TeamDeliveryMetrics';

const ENTITY = '/entities/component/default/shop/delivery-metrics';
const SHOP = { kind: 'entity', ref: SHOP_REF } as const;

const busy = deliveryMetrics(
  SHOP,
  [
    { deployments: 3, failedDeployments: 1, leadTimeMedianSeconds: 5400 },
    {
      deployments: 1,
      incidents: 1,
      restoredIncidents: 1,
      timeToRestoreMedianSeconds: 1800,
    },
  ],
  {
    deployments: 4,
    deploymentsPerDay: 4 / 30,
    failedDeployments: 1,
    changeFailureRate: 0.25,
    leadTimeSamples: 2,
    leadTimeMedianSeconds: 5400,
    incidents: 1,
    restoredIncidents: 1,
    timeToRestoreMedianSeconds: 1800,
  },
);

/** The headline number under a metric's name, and the definition beside it. */
function tile(name: string) {
  const term = screen.getByText(name, { selector: 'dt' });
  const item = term.parentElement!;
  return within(item)
    .getAllByRole('definition')
    .map(dd => dd.textContent);
}

describe('DeliveryMetrics', () => {
  const backend = setupGitopsServer();

  it.each([
    [
      'Deployment frequency',
      [
        '0.13/day',
        '4 deployments in 30 days',
        DELIVERY_METRIC_DEFINITIONS.deploymentFrequency,
      ],
    ],
    [
      'Lead time for changes',
      [
        '1h',
        'median of 2 merged pull requests',
        DELIVERY_METRIC_DEFINITIONS.leadTime,
      ],
    ],
    [
      'Change failure rate',
      [
        '25%',
        '1 of 4 deployments',
        DELIVERY_METRIC_DEFINITIONS.changeFailureRate,
      ],
    ],
    [
      'Time to restore',
      ['30m', '1 restored, 0 open', DELIVERY_METRIC_DEFINITIONS.timeToRestore],
    ],
  ])('shows %s with its definition', async (name, expected) => {
    backend.serve(ENTITY, busy);
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    await screen.findByText(name, { selector: 'dt' });
    expect(tile(name)).toEqual(expected);
  });

  it('says n/a, not 0, where there is nothing to measure', async () => {
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    await screen.findByText('Change failure rate', { selector: 'dt' });
    expect(tile('Change failure rate')[0]).toBe('n/a');
    expect(tile('Lead time for changes')[0]).toBe('n/a');
  });

  it('gives each chart a caption and a data table as its text alternative', async () => {
    backend.serve(ENTITY, busy);
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    const figure = await screen.findByRole('figure', {
      name: /^Deployments: 4 deployments in 30 days/,
    });
    const table = within(figure).getByRole('table', { hidden: true });
    expect(
      within(table)
        .getAllByRole('row', { hidden: true })
        .map(row => row.textContent),
    ).toEqual(['PeriodSucceededFailed', 'Dec 621', 'Dec 710']);
  });

  it('asks for 90 days when the window is switched', async () => {
    const requests = backend.serve(ENTITY, busy);
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    await screen.findByText('Change failure rate', { selector: 'dt' });
    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    expect(requests.map(url => url.searchParams.get('window'))).toEqual([
      '30',
      '90',
    ]);
  });

  it('downloads the CSV through the authenticated client', async () => {
    const csvRequests: URL[] = [];
    backend.server.use(
      http.get(`${BASE_URL}${ENTITY}`, ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('format') !== 'csv') return undefined;
        csvRequests.push(url);
        return new HttpResponse('subject\r\ncomponent:default/shop\r\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:metrics');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    // jsdom does not navigate; the link the component clicks is what a browser would save.
    const saved: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function save(this: HTMLAnchorElement) {
        saved.push(this.download);
      });
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    await screen.findByText('Change failure rate', { selector: 'dt' });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(csvRequests.map(url => url.search)).toEqual([
      '?window=30&format=csv',
    ]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['delivery-metrics-component_default_shop-30d.csv']);
  });

  it("counts a team's readable entities", async () => {
    const requests = backend.serve('/teams/default/team-a/delivery-metrics', {
      ...deliveryMetrics({ kind: 'team', ref: 'group:default/team-a' }),
      entityRefs: [SHOP_REF, 'component:default/cart'],
    });
    await renderWithApis(
      <TeamDeliveryMetrics teamRef="group:default/team-a" />,
    );
    expect(
      await screen.findByText(/^2 entities, all environments/),
    ).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('shows the error when the backend refuses', async () => {
    backend.fail(
      ENTITY,
      403,
      'Not allowed: gitops.status.read on component:default/shop',
    );
    await renderWithApis(<EntityDeliveryMetrics entity={shopEntity} />);
    expect(
      await screen.findAllByText(/Not allowed: gitops.status.read/),
    ).not.toHaveLength(0);
  });

  it('counts again when a status signal names a counted entity', async () => {
    let deployed = false;
    backend.serve(ENTITY, () => (deployed ? busy : deliveryMetrics(SHOP)));
    const { signals } = await renderWithApis(
      <EntityDeliveryMetrics entity={shopEntity} />,
    );
    expect(
      await screen.findByText('0 deployments in 30 days'),
    ).toBeInTheDocument();
    deployed = true;
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [SHOP_REF],
        clusters: ['dev'],
      }),
    );
    expect(
      await screen.findByText('4 deployments in 30 days', { selector: 'dd' }),
    ).toBeInTheDocument();
  });
});
