import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis } from '../../__testUtils__/render';
import {
  cluster,
  manyTeamRows,
  TEAM_REF,
  teamStatus,
} from '../../__testUtils__/fixtures';
import { TEAM_OVERVIEW_RENDERED_MARK, TeamOverview } from './TeamOverview';

const TEAM_STATUS = '/teams/default/team-a/status';

const rows = () => screen.getAllByTestId('team-row');
const serviceNames = () =>
  rows().map(row => within(row).getByRole('link').textContent);

/** The one cell of the table in the tab order (keyboard-grid convention). */
const tabStopOf = (table: HTMLElement) =>
  table.querySelector<HTMLElement>('[tabindex="0"]')!;

async function choose(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(`^${label}`) }),
  );
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('TeamOverview', () => {
  const backend = setupGitopsServer();
  beforeEach(() => backend.serve('/clusters', { items: [] }));
  const render = () => renderWithApis(<TeamOverview teamRef={TEAM_REF} />);

  it('sets the rendered performance mark once, when rows first show', async () => {
    // jsdom has no User Timing API: record what the browser would be told.
    const mark = jest.fn();
    Object.defineProperty(performance, 'mark', {
      value: mark,
      configurable: true,
    });
    try {
      backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(3)));
      await render();
      await screen.findAllByTestId('team-row');
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Search services' }),
        'svc',
      );
      expect(mark.mock.calls).toEqual([[TEAM_OVERVIEW_RENDERED_MARK]]);
    } finally {
      delete (performance as { mark?: unknown }).mark;
    }
  });

  it('lists broken services first', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(8)));
    await render();
    await screen.findByRole('table', { name: 'Services by environment' });
    expect(serviceNames()).toEqual([
      'svc-000',
      'svc-007',
      'svc-001',
      'svc-002',
      'svc-003',
      'svc-004',
      'svc-005',
      'svc-006',
    ]);
  });

  it('summarises counts by health and sync', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(8)));
    await render();
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('16 objects')).toBeInTheDocument();
    expect(within(summary).getByText('Degraded: 2')).toBeInTheDocument();
    expect(within(summary).getByText('Healthy: 14')).toBeInTheDocument();
    expect(within(summary).getByText('OutOfSync: 2')).toBeInTheDocument();
  });

  it.each([
    ['Health', 'Degraded', ['svc-000', 'svc-007']],
    ['Sync', 'OutOfSync', ['svc-000', 'svc-007']],
  ])('narrows rows by the %s filter', async (label, option, expected) => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(8)));
    await render();
    await screen.findByRole('table', { name: 'Services by environment' });
    await choose(label, option);
    expect(serviceNames()).toEqual(expected);
  });

  it('narrows columns to the chosen environment', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(3)));
    await render();
    const table = await screen.findByRole('table', {
      name: 'Services by environment',
    });
    await choose('Environment', 'prod');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Service', 'prod']);
  });

  it('narrows rows by the search text', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(20)));
    await render();
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Search services' }),
      'svc-01',
    );
    expect(serviceNames()).toEqual([
      'svc-014',
      'svc-010',
      'svc-011',
      'svc-012',
      'svc-013',
      'svc-015',
      'svc-016',
      'svc-017',
      'svc-018',
      'svc-019',
    ]);
  });

  it('renders every one of 500 services', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(500)));
    await render();
    await screen.findByRole('table', { name: 'Services by environment' });
    await waitFor(() => expect(rows()).toHaveLength(500));
    expect(screen.getByText('500 of 500 services')).toBeInTheDocument();
  });

  it('draws each cell with a status icon and says the same in words', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(1)));
    await render();
    const [row] = await screen.findAllByTestId('team-row');
    const [, dev, prod] = within(row).getAllByRole('cell');
    expect(dev).toHaveTextContent('Healthy· Synced· 4f1c2a9');
    expect(within(dev).getByTestId('status-ok')).toBeInTheDocument();
    expect(prod).toHaveTextContent('Degraded· OutOfSync');
    expect(within(prod).getByTestId('status-error')).toBeInTheDocument();
  });

  it.each([
    ['{ArrowRight}', 'svc-000 dev'],
    ['{ArrowRight}{ArrowRight}{ArrowRight}', 'svc-000 prod'],
    ['{ArrowDown}', 'svc-001 service'],
    ['{ArrowDown}{ArrowRight}{ArrowUp}', 'svc-000 dev'],
    ['{ArrowRight}{End}', 'svc-000 prod'],
    ['{ArrowRight}{ArrowRight}{Home}', 'svc-000 service'],
    ['{PageDown}', 'svc-002 service'],
    ['{Control>}{End}{/Control}', 'svc-002 prod'],
  ])('moves focus between cells with %s', async (keys, expected) => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(3)));
    await render();
    const [first] = await screen.findAllByTestId('team-row');
    // Start at the table's one tab stop (Tab reaching it is its own test): tabbing there costs a visibility check
    // of every focusable element per press.
    tabStopOf(first.closest('table')!).focus();
    await userEvent.keyboard(keys);
    const focusedRow = rows().find(r => r.contains(document.activeElement));
    const column = ['service', 'dev', 'prod'][
      Array.from(focusedRow!.children).findIndex(c =>
        c.contains(document.activeElement),
      )
    ];
    expect(
      `${within(focusedRow!).getAllByRole('link')[0].textContent} ${column}`,
    ).toBe(expected);
  });

  it("reaches the table's first cell with Tab from the filters", async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(3)));
    await render();
    const [first] = await screen.findAllByTestId('team-row');
    const table = first.closest('table')!;
    await userEvent.tab(); // into the search box, then past the filters; back at the body after the last control
    while (
      !table.contains(document.activeElement) &&
      document.activeElement !== document.body
    ) {
      await userEvent.tab();
    }
    expect(document.activeElement).toBe(
      within(rows()[0]).getAllByRole('link')[0],
    );
  });

  it('keeps one cell in the tab order', async () => {
    backend.serve(TEAM_STATUS, teamStatus(manyTeamRows(3)));
    await render();
    const table = await screen.findByRole('table', {
      name: 'Services by environment',
    });
    const tabbable = () =>
      Array.from(table.querySelectorAll('[tabindex="0"]')).length;
    expect(tabbable()).toBe(1);
    within(table).getAllByRole('link')[0].focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    expect(tabbable()).toBe(1);
  });

  it("says how old a stale environment's data is", async () => {
    const staleSince = new Date(Date.now() - 5 * 60_000).toISOString();
    backend.serve('/clusters', {
      items: [cluster({ name: 'prod-eu', environment: 'prod', staleSince })],
    });
    const [first] = manyTeamRows(1);
    backend.serve(
      TEAM_STATUS,
      teamStatus([
        {
          ...first,
          environments: {
            ...first.environments,
            prod: { ...first.environments.prod, stale: true },
          },
        },
      ]),
    );
    await render();
    const [row] = await screen.findAllByTestId('team-row');
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('· stale 5m');
    expect(
      screen.getByText(
        /Showing last-known status for prod-eu \(prod, stale for 5m\)/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    backend.fail(TEAM_STATUS, 404, 'group not found');
    await render();
    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
  });
});
