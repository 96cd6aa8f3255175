import { ObjectStatus, objectStatusSchema } from './objectStatus';
import {
  clustersResponseSchema,
  entityStatusResponseSchema,
  historyResponseSchema,
  overviewResponseSchema,
  pullRequestResponseSchema,
  teamStatusResponseSchema,
  xrdsResponseSchema,
} from './responses';

const object: ObjectStatus = {
  key: 'prod-eu/argoproj.io/Application/argocd/shop',
  engine: 'argocd',
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  cluster: 'prod-eu',
  namespace: 'argocd',
  name: 'shop',
  environment: 'prod',
  entityRefs: ['component:default/shop'],
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2025-03-01T12:00:00.000Z',
  stale: { since: '2025-03-01T11:55:00Z', ageSeconds: 300 },
};

const cluster = {
  name: 'prod-eu',
  environment: 'prod',
  state: 'degraded',
  message: 'flux CRDs absent',
  lastContact: '2025-03-01T11:59:00Z',
  kinds: [
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      state: 'watching',
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      state: 'absent',
    },
  ],
};

describe('objectStatusSchema', () => {
  it('accepts a full record', () => {
    expect(objectStatusSchema.parse(object)).toEqual(object);
  });

  it.each([
    ['a health outside the vocabulary', { health: { status: 'Fine' } }],
    ['a sync outside the vocabulary', { sync: 'Syncing' }],
    ['an engine outside the list', { engine: 'jenkins' }],
    ['an observedAt that is no timestamp', { observedAt: 'now' }],
    [
      'a negative stale age',
      { stale: { since: '2025-03-01T11:55:00Z', ageSeconds: -1 } },
    ],
    ['an unknown Crossplane role', { crossplane: { role: 'provider' } }],
    ['an operation phase outside the list', { operation: { phase: 'Queued' } }],
  ])('refuses %s', (_name, change) => {
    expect(objectStatusSchema.safeParse({ ...object, ...change }).success).toBe(
      false,
    );
  });
});

describe('response schemas', () => {
  it.each([
    [
      'entity status',
      entityStatusResponseSchema,
      {
        entityRef: 'component:default/shop',
        objects: [object],
        clusters: [cluster],
      },
    ],
    ['overview', overviewResponseSchema, { items: [object], total: 1 }],
    [
      'clusters',
      clustersResponseSchema,
      {
        items: [
          cluster,
          {
            name: 'dev',
            state: 'unreachable',
            staleSince: '2025-03-01T11:00:00Z',
            kinds: [],
          },
        ],
      },
    ],
    [
      'history',
      historyResponseSchema,
      {
        items: [
          {
            id: 'h1',
            key: object.key,
            entityRef: 'component:default/shop',
            cluster: 'prod-eu',
            kind: 'Application',
            name: 'shop',
            from: {},
            to: { sync: 'OutOfSync', health: 'Progressing', revision: 'abc' },
            at: '2025-03-01T12:00:00Z',
          },
        ],
      },
    ],
    [
      'XRDs',
      xrdsResponseSchema,
      {
        items: [
          {
            name: 'xdatabases.platform.example.org',
            group: 'platform.example.org',
            compositeKind: 'XDatabase',
            claimKind: 'Database',
            versions: [
              {
                name: 'v1',
                served: true,
                referenceable: true,
                schema: { type: 'object' },
              },
            ],
            cluster: 'prod-eu',
          },
        ],
      },
    ],
    [
      'pull request',
      pullRequestResponseSchema,
      {
        url: 'https://github.example.org/org/config/pull/12',
        number: 12,
        branch: 'gitops/promote-shop-prod',
      },
    ],
  ])('%s accepts a valid body', (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(true);
  });

  it.each([
    [
      'a cluster state outside the list',
      clustersResponseSchema,
      { items: [{ ...cluster, state: 'down' }] },
    ],
    [
      'a watched-kind state outside the list',
      clustersResponseSchema,
      {
        items: [
          {
            ...cluster,
            kinds: [{ apiVersion: 'v1', kind: 'X', state: 'sleeping' }],
          },
        ],
      },
    ],
    [
      'a pull request URL that is no URL',
      pullRequestResponseSchema,
      { url: 'pull 12', number: 12, branch: 'b' },
    ],
    [
      'a pull request number 0',
      pullRequestResponseSchema,
      { url: 'https://example.org/pull/0', number: 0, branch: 'b' },
    ],
    [
      'history without a target health',
      historyResponseSchema,
      {
        items: [
          {
            id: 'h',
            key: 'k',
            cluster: 'c',
            kind: 'K',
            name: 'n',
            from: {},
            to: { sync: 'Synced' },
            at: '2025-03-01T12:00:00Z',
          },
        ],
      },
    ],
    ['an overview without total', overviewResponseSchema, { items: [] }],
  ])('refuses %s', (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });
});

describe('teamStatusResponseSchema', () => {
  const byHealth = {
    Healthy: 3,
    Progressing: 1,
    Degraded: 1,
    Suspended: 0,
    Missing: 0,
    Unknown: 0,
  };
  const bySync = { Synced: 4, OutOfSync: 1, Unknown: 0 };
  const body = {
    team: 'group:default/team-a',
    counts: { byHealth, bySync, total: 5 },
    rows: [
      {
        entityRef: 'component:default/shop',
        environments: {
          dev: { sync: 'Synced', health: 'Healthy', revision: 'abc' },
          prod: { sync: 'OutOfSync', health: 'Degraded', stale: true },
        },
        worstHealth: 'Degraded',
      },
    ],
  };

  it('accepts counts with every status', () => {
    expect(teamStatusResponseSchema.parse(body)).toEqual(body);
  });

  it('refuses counts that leave a status out', () => {
    const { Missing: _missing, ...partial } = byHealth;
    expect(
      teamStatusResponseSchema.safeParse({
        ...body,
        counts: { ...body.counts, byHealth: partial },
      }).success,
    ).toBe(false);
  });

  it('refuses a row without worstHealth', () => {
    const { worstHealth: _worst, ...row } = body.rows[0];
    expect(
      teamStatusResponseSchema.safeParse({ ...body, rows: [row] }).success,
    ).toBe(false);
  });
});
