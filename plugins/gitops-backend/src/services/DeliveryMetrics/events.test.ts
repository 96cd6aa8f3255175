import type {
  Delivery,
  HistoryEntry,
} from '@gitops-portal/plugin-gitops-common';
import {
  deploymentsFromHistory,
  incidentsFromHistory,
  leadTimesFromDeliveries,
  rollbackRevisions,
} from './events';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const KEY = 'prod/argoproj.io/Application/argocd/shop';

type Row = [
  hours: number,
  sync: 'Synced' | 'OutOfSync' | 'Unknown',
  health: HistoryEntry['to']['health'],
  revision?: string,
];

/** History of one Application: the first row is the portal's first sight of it (no `from`). */
function history(rows: Row[], key = KEY): HistoryEntry[] {
  return rows.map(([hours, sync, health, revision], i) => ({
    id: String(i + 1),
    key,
    cluster: 'prod',
    environment: 'prod',
    kind: key.split('/')[2],
    name: 'shop',
    from:
      i === 0
        ? {}
        : {
            sync: rows[i - 1][1],
            health: rows[i - 1][2],
            revision: rows[i - 1][3],
          },
    to: { sync, health, ...(revision ? { revision } : {}) },
    at: new Date(T0 + hours * HOUR).toISOString(),
  }));
}

const deploys = (rows: Row[], rollbacks?: Set<string>) =>
  deploymentsFromHistory(history(rows), {
    failureWindowMs: 24 * HOUR,
    rollbackRevisions: rollbacks,
  }).map(d => [d.revision, (d.at - T0) / HOUR, d.failed]);

describe('deploymentsFromHistory', () => {
  it.each<[string, Row[], Array<[string, number, boolean]>]>([
    ['no history: no deployments', [], []],
    ['the first sight is a baseline', [[0, 'Synced', 'Healthy', 'a']], []],
    [
      'a new revision synced and healthy',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [1, 'OutOfSync', 'Healthy', 'b'],
        [2, 'Synced', 'Progressing', 'b'],
        [3, 'Synced', 'Healthy', 'b'],
      ],
      [['b', 2, false]],
    ],
    [
      'Degraded within the window fails the deployment',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
        [5, 'Synced', 'Degraded', 'b'],
      ],
      [['b', 2, true]],
    ],
    [
      'Degraded after the window does not',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
        [30, 'Synced', 'Degraded', 'b'],
      ],
      [['b', 2, false]],
    ],
    [
      'a failed sync (sync Unknown) fails it',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
        [3, 'Unknown', 'Healthy', 'b'],
      ],
      [['b', 2, true]],
    ],
    [
      'a rollback to a revision run before fails the deployment it undoes',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
        [4, 'Synced', 'Healthy', 'a'],
      ],
      [
        ['b', 2, true],
        ['a', 4, false],
      ],
    ],
    [
      'a failure after the next deployment belongs to that one',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
        [3, 'Synced', 'Healthy', 'c'],
        [4, 'Synced', 'Degraded', 'c'],
      ],
      [
        ['b', 2, false],
        ['c', 3, true],
      ],
    ],
  ])('%s', (_case, rows, expected) => {
    expect(deploys(rows)).toEqual(expected);
  });

  it('reads a revision a portal rollback delivered as a rollback', () => {
    const rows: Row[] = [
      [0, 'Synced', 'Healthy', 'a'],
      [2, 'Synced', 'Healthy', 'b'],
      [4, 'Synced', 'Healthy', 'c'],
    ];
    expect(deploys(rows, new Set([`${KEY}@c`]))).toEqual([
      ['b', 2, true],
      ['c', 4, false],
    ]);
  });

  it('ignores objects that deliver nothing (a Deployment an Application applies)', () => {
    const rows = history(
      [
        [0, 'Synced', 'Healthy', 'a'],
        [2, 'Synced', 'Healthy', 'b'],
      ],
      'prod/apps/Deployment/shop/shop',
    );
    expect(deploymentsFromHistory(rows, { failureWindowMs: HOUR })).toEqual([]);
  });
});

describe('incidentsFromHistory', () => {
  it.each<[string, Row[], Array<[number, number | undefined]>]>([
    ['no history: no incidents', [], []],
    [
      'Degraded to Healthy is restored',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [1, 'Synced', 'Degraded', 'a'],
        [2, 'Synced', 'Progressing', 'b'],
        [4, 'Synced', 'Healthy', 'b'],
      ],
      [[1, 4]],
    ],
    [
      'still Degraded is open',
      [
        [0, 'Synced', 'Healthy', 'a'],
        [1, 'Synced', 'Degraded', 'a'],
        [2, 'OutOfSync', 'Degraded', 'a'],
      ],
      [[1, undefined]],
    ],
    [
      'two incidents',
      [
        [0, 'Synced', 'Degraded', 'a'],
        [1, 'Synced', 'Healthy', 'a'],
        [5, 'Synced', 'Degraded', 'a'],
        [6, 'Synced', 'Healthy', 'a'],
      ],
      [
        [0, 1],
        [5, 6],
      ],
    ],
  ])('%s', (_case, rows, expected) => {
    expect(
      incidentsFromHistory(history(rows)).map(i => [
        (i.start - T0) / HOUR,
        i.end === undefined ? undefined : (i.end - T0) / HOUR,
      ]),
    ).toEqual(expected);
  });
});

function delivery(
  verb: Delivery['verb'],
  merged?: number,
  healthy?: number,
): Delivery {
  return {
    number: 1,
    url: 'https://github.example/acme/config/pull/1',
    title: 't',
    branch: `gitops/${verb}/shop-prod`,
    verb,
    state: merged === undefined ? 'open' : 'merged',
    openedAt: new Date(T0).toISOString(),
    ...(merged === undefined
      ? {}
      : { mergedAt: new Date(T0 + merged * HOUR).toISOString() }),
    environments:
      merged === undefined
        ? []
        : [
            {
              environment: 'prod',
              changed: true,
              ...(healthy === undefined
                ? {}
                : { healthyAt: new Date(T0 + healthy * HOUR).toISOString() }),
              targets: [
                {
                  cluster: 'prod',
                  key: KEY,
                  kind: 'Application',
                  name: 'shop',
                  syncedRevision: 'c',
                },
              ],
            },
          ],
  };
}

describe('leadTimesFromDeliveries', () => {
  it.each<[string, Delivery, number[]]>([
    ['an open pull request: none', delivery('promote'), []],
    ['merged, not yet healthy: none', delivery('promote', 1), []],
    ['merged then healthy: the time between', delivery('promote', 1, 3), [2]],
  ])('%s', (_case, pull, expected) => {
    expect(
      leadTimesFromDeliveries([pull]).map(
        s => (s.healthyAt - s.mergedAt) / HOUR,
      ),
    ).toEqual(expected);
  });
});

describe('rollbackRevisions', () => {
  it.each<[string, Delivery, string[]]>([
    ['a promotion: none', delivery('promote', 1, 2), []],
    ['a rollback: what it synced', delivery('rollback', 1, 2), [`${KEY}@c`]],
  ])('%s', (_case, pull, expected) => {
    expect([...rollbackRevisions([pull])]).toEqual(expected);
  });
});
