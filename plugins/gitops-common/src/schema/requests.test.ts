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
    ['a search with a NUL byte', { q: 'sh\u0000op' }, 'q'],
    ['a team that is no entity ref', { team: 'team-a' }, 'team'],
    [
      'an environment that is no DNS label',
      { environment: 'Prod' },
      'environment',
    ],
    ['an overlong cluster', { cluster: 'c'.repeat(254) }, 'cluster'],
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
        entityRef: 'component:default/shop',
        since: '2025-03-01T00:00:00Z',
      }).since,
    ).toBe('2025-03-01T00:00:00Z');
  });

  it.each([
    ['no entityRef', {}, 'entityRef'],
    ['an entityRef shorthand', { entityRef: 'shop' }, 'entityRef'],
    [
      'since that is no timestamp',
      { entityRef: 'component:default/shop', since: 'yesterday' },
      'since',
    ],
    [
      'limit above 1000',
      { entityRef: 'component:default/shop', limit: 5000 },
      'limit',
    ],
  ])('refuses %s', (_name, query, field) => {
    const result = historyQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});

describe('promotionRequestSchema', () => {
  it('accepts two environments', () => {
    expect(
      promotionRequestSchema.parse({ from: 'staging', to: 'prod' }),
    ).toEqual({ from: 'staging', to: 'prod' });
  });

  it.each([
    ['the same environment twice', { from: 'prod', to: 'prod' }, 'to'],
    ['an empty environment', { from: '', to: 'prod' }, 'from'],
    ['a missing target', { from: 'staging' }, 'to'],
    [
      'a path as target',
      { from: 'staging', to: '../../cart-service/overlays/prod' },
      'to',
    ],
    ['a NUL byte', { from: 'stag\u0000ing', to: 'prod' }, 'from'],
    [
      'a version that is a path',
      { from: 'staging', to: 'prod', version: '../1.2.0' },
      'version',
    ],
    [
      'a version that is a whole image reference',
      { from: 'staging', to: 'prod', version: 'ghcr.io/acme/web:1.2.0' },
      'version',
    ],
    [
      'a digest of the wrong length',
      { from: 'staging', to: 'prod', version: 'sha256:abc' },
      'version',
    ],
  ])('refuses %s', (_name, body, field) => {
    const result = promotionRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });

  it.each([
    ['an image tag', '1.4.0-rc.1'],
    ['an image digest', `sha256:${'a'.repeat(64)}`],
    ['a chart version with build metadata', '1.2.0+build.7'],
  ])('accepts %s as the version', (_name, version) => {
    expect(
      promotionRequestSchema.parse({ from: 'staging', to: 'prod', version }),
    ).toEqual({ from: 'staging', to: 'prod', version });
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
    ['no environment', {}, 'environment'],
    ['an empty environment', { environment: '' }, 'environment'],
    [
      'a path as environment',
      { environment: '../../cart-service/overlays/prod' },
      'environment',
    ],
    ['a NUL byte', { environment: 'prod\u0000' }, 'environment'],
    [
      'a 90 KB environment',
      { environment: 'p'.repeat(90 * 1024) },
      'environment',
    ],
    [
      'an empty toRevision',
      { environment: 'prod', toRevision: '' },
      'toRevision',
    ],
    ['a ref name', { environment: 'prod', toRevision: 'main~1' }, 'toRevision'],
  ])('refuses %s', (_name, body, field) => {
    const result = rollbackRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});
