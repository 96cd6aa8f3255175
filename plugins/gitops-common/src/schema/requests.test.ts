import {
  historyQuerySchema,
  overviewQuerySchema,
  overviewQueryToSearchParams,
  promotionRequestSchema,
  rollbackRequestSchema,
} from './requests';

describe('overviewQuerySchema', () => {
  it('defaults limit and offset', () => {
    expect(overviewQuerySchema.parse({})).toEqual({ limit: 100, offset: 0 });
  });

  it.each([
    ['a comma list', { health: 'Degraded,Missing' }, ['Degraded', 'Missing']],
    [
      'spaces and empty items',
      { health: ' Degraded , ,Missing,' },
      ['Degraded', 'Missing'],
    ],
    [
      'a repeated parameter',
      { health: ['Degraded', 'Unknown,Missing'] },
      ['Degraded', 'Unknown', 'Missing'],
    ],
    ['an empty value', { health: '' }, []],
  ])('parses health as %s', (_name, query, expected) => {
    expect(overviewQuerySchema.parse(query).health).toEqual(expected);
  });

  it('parses sync as a comma list', () => {
    expect(
      overviewQuerySchema.parse({ sync: 'OutOfSync,Unknown' }).sync,
    ).toEqual(['OutOfSync', 'Unknown']);
  });

  it('coerces numbers from query strings', () => {
    expect(
      overviewQuerySchema.parse({ limit: '250', offset: '500' }),
    ).toMatchObject({ limit: 250, offset: 500 });
  });

  it('keeps the plain filters', () => {
    const query = {
      team: 'group:default/team-a',
      entityRef: 'component:default/shop',
      cluster: 'prod-eu',
      environment: 'prod',
      engine: 'flux',
      q: 'shop',
    };
    expect(overviewQuerySchema.parse(query)).toEqual({
      ...query,
      limit: 100,
      offset: 0,
    });
  });

  it.each([
    ['an unknown health', { health: 'Degraded,Broken' }, 'health'],
    ['an unknown sync', { sync: 'Syncing' }, 'sync'],
    ['an unknown engine', { engine: 'jenkins' }, 'engine'],
    ['limit above 1000', { limit: '1001' }, 'limit'],
    ['limit 0', { limit: '0' }, 'limit'],
    ['a fractional limit', { limit: '10.5' }, 'limit'],
    ['a limit that is no number', { limit: 'many' }, 'limit'],
    ['a negative offset', { offset: '-1' }, 'offset'],
    ['a repeated scalar parameter', { team: ['a', 'b'] }, 'team'],
    ['an overlong search', { q: 'x'.repeat(201) }, 'q'],
  ])('refuses %s', (_name, query, field) => {
    const result = overviewQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});

describe('overviewQueryToSearchParams', () => {
  it('writes what the schema reads back', () => {
    const query = {
      team: 'group:default/team-a',
      health: ['Degraded', 'Missing'] as const,
      limit: 50,
    };
    const params = overviewQueryToSearchParams({
      ...query,
      health: [...query.health],
    });
    expect(params.toString()).toBe(
      'team=group%3Adefault%2Fteam-a&health=Degraded%2CMissing&limit=50',
    );
    expect(overviewQuerySchema.parse(Object.fromEntries(params))).toEqual({
      team: 'group:default/team-a',
      health: ['Degraded', 'Missing'],
      limit: 50,
      offset: 0,
    });
  });
});

describe('historyQuerySchema', () => {
  it('needs an entityRef and defaults limit', () => {
    expect(
      historyQuerySchema.parse({ entityRef: 'component:default/shop' }),
    ).toEqual({ entityRef: 'component:default/shop', limit: 100 });
  });

  it('accepts a since timestamp', () => {
    expect(
      historyQuerySchema.parse({
        entityRef: 'c',
        since: '2025-03-01T00:00:00Z',
      }).since,
    ).toBe('2025-03-01T00:00:00Z');
  });

  it.each([
    ['no entityRef', {}],
    ['since that is no timestamp', { entityRef: 'c', since: 'yesterday' }],
    ['limit above 1000', { entityRef: 'c', limit: 5000 }],
  ])('refuses %s', (_name, query) => {
    expect(historyQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe('promotionRequestSchema', () => {
  it('accepts two environments', () => {
    expect(
      promotionRequestSchema.parse({ from: 'staging', to: 'prod' }),
    ).toEqual({ from: 'staging', to: 'prod' });
  });

  it.each([
    ['the same environment twice', { from: 'prod', to: 'prod' }],
    ['an empty environment', { from: '', to: 'prod' }],
    ['a missing target', { from: 'staging' }],
  ])('refuses %s', (_name, body) => {
    expect(promotionRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('rollbackRequestSchema', () => {
  it.each([
    [{ environment: 'prod' }],
    [{ environment: 'prod', toRevision: '4f1c2a9' }],
  ])('accepts %j', body => {
    expect(rollbackRequestSchema.parse(body)).toEqual(body);
  });

  it.each([
    [{}],
    [{ environment: '' }],
    [{ environment: 'prod', toRevision: '' }],
  ])('refuses %j', body => {
    expect(rollbackRequestSchema.safeParse(body).success).toBe(false);
  });
});
