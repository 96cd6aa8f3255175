import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { loadDemoServices } from './demoServices';
import { deliveryHistory, SEEDED_DAYS } from './deliveryHistory';
import {
  GITOPS_DATABASE_FILE,
  seedDeliveryHistory,
} from './seedDeliveryHistory';

const HEAD = 'f'.repeat(40);
const NOW = new Date('2026-12-07T12:00:00Z');
const services = loadDemoServices();
const history = deliveryHistory(services, HEAD, NOW);

/** The transitions of each object, in order. */
const byObject = () => {
  const objects = new Map<string, typeof history>();
  for (const t of history)
    objects.set(t.key, [...(objects.get(t.key) ?? []), t]);
  return objects;
};

describe('deliveryHistory', () => {
  it('is the same for the same services, head and time', () => {
    expect(deliveryHistory(services, HEAD, NOW)).toEqual(history);
  });

  it('stays small: one object per service and environment, under 1,500 rows', () => {
    expect(byObject().size).toBe(services.length * 3);
    expect(history.length).toBeLessThan(1500);
  });

  it(`lies within the last ${SEEDED_DAYS} days`, () => {
    const times = history.map(t => t.at.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(
      NOW.getTime() - SEEDED_DAYS * 86400_000,
    );
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
  });

  it('ends each object Synced and Healthy at the head commit the seeded clusters run', () => {
    for (const transitions of byObject().values()) {
      expect(transitions[transitions.length - 1].to).toEqual({
        sync: 'Synced',
        health: 'Healthy',
        revision: HEAD,
      });
    }
  });

  it('chains each transition from the previous state, oldest first', () => {
    for (const [first, ...rest] of byObject().values()) {
      expect(first.from).toBeUndefined();
      rest.forEach((t, i) => {
        const previous = i === 0 ? first : rest[i - 1];
        expect(t.from).toEqual(previous.to);
        expect(t.at.getTime()).toBeGreaterThan(previous.at.getTime());
      });
    }
  });

  it.each([
    [
      'deployments',
      (t: (typeof history)[number]) =>
        t.to.sync === 'Synced' && t.from?.sync === 'OutOfSync',
    ],
    ['failures', (t: (typeof history)[number]) => t.to.health === 'Degraded'],
  ])('has %s for the charts to show', (_kind, predicate) => {
    expect(history.filter(predicate).length).toBeGreaterThan(10);
  });
});

describe('seedDeliveryHistory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-history-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const rowsIn = async () => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dataDir, GITOPS_DATABASE_FILE) },
      useNullAsDefault: true,
    });
    try {
      return await knex('gitops_history').orderBy('id');
    } finally {
      await knex.destroy();
    }
  };

  it("writes every transition into the portal's migrated history table", async () => {
    expect(await seedDeliveryHistory(dataDir, history)).toBe(true);
    const rows = await rowsIn();
    expect(rows).toHaveLength(history.length);
    expect(rows[0]).toMatchObject({
      object_key: history[0].key,
      entity_refs: `|${history[0].entityRef}|`,
      to_sync: 'Synced',
      at: history[0].at.getTime(),
    });
  });

  it('leaves a database the portal already has alone', async () => {
    await seedDeliveryHistory(dataDir, history.slice(0, 3));
    expect(await seedDeliveryHistory(dataDir, history)).toBe(false);
    expect(await rowsIn()).toHaveLength(3);
  });
});
