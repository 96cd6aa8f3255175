import {
  normalizeObject,
  ObjectStatus,
  objectStatusSchema,
} from '@gitops-portal/plugin-gitops-common';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { application } from '../../__testUtils__/clusters';
import {
  compactMatch,
  compactRecord,
  StringPool,
  withEntityRefs,
  withHealth,
} from './compact';

/** V8's own answer to "does this object have fast (in-object or array-backed) properties?". */
function hasFastProperties(value: object): boolean {
  setFlagsFromString('--allow-natives-syntax');
  return runInNewContext('(o => %HasFastProperties(o))')(value);
}

describe('StringPool', () => {
  it('returns the first copy of an equal string', () => {
    const pool = new StringPool();
    const first = ['cluster', 'dev'].join('-');
    const second = ['cluster', 'dev'].join('-');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe(first);
    expect(pool.size).toBe(1);
  });
});

describe('compactRecord', () => {
  const raw = () => {
    const app = application('shop') as any;
    app.metadata.uid = '5f0c4a0e-3a57-4d0a-8b6e-0f5f3c2b9a11';
    return app;
  };

  it('keeps every field a view reads and drops the uid', () => {
    const record = normalizeObject(raw(), { cluster: 'dev' });
    expect(record.uid).toBeDefined();
    const { uid: _uid, ...expected } = record;
    expect(
      JSON.parse(JSON.stringify(compactRecord(record, new StringPool()))),
    ).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('pools only repeated strings: a second object of the same kind adds none', () => {
    const pool = new StringPool();
    const now = new Date('2026-01-01T00:00:00Z'); // one observedAt for both
    compactRecord(normalizeObject(raw(), { cluster: 'dev', now }), pool);
    const afterFirst = pool.size;
    const other = raw();
    other.metadata.name = 'cart';
    other.spec.source.path = 'cart';
    compactRecord(normalizeObject(other, { cluster: 'dev', now }), pool);
    expect(afterFirst).toBeGreaterThan(0);
    expect(pool.size).toBe(afterFirst);
  });

  const withEveryField = () => {
    const record: Record<string, unknown> = {
      ...normalizeObject(raw(), { cluster: 'dev' }),
      resources: [{ group: 'apps', kind: 'Deployment', name: 'shop' }],
    };
    for (const field of Object.keys(objectStatusSchema.shape)) {
      record[field] ??= {};
    }
    return compactRecord(record as ObjectStatus, new StringPool());
  };

  // A dictionary-mode record costs ~1.6 KB more per cached object (bench/reconciler): past ~18 fields added one
  // by one, V8 switches an object to dictionary mode.
  it.each([
    ['compactRecord', (record: ObjectStatus) => record],
    [
      'withEntityRefs',
      (record: ObjectStatus) =>
        withEntityRefs(record, ['component:default/shop']),
    ],
    [
      'withHealth',
      (record: ObjectStatus) =>
        withHealth(record, { status: 'Degraded' }, 'builtin'),
    ],
  ])(
    '%s keeps fast properties on a record with every field the schema allows',
    (_name, change) => {
      const record = withEveryField();
      expect(Object.keys(record).length).toBeGreaterThan(20);
      expect(hasFastProperties(change(record))).toBe(true);
    },
  );

  it('shares one drift policy object between records with equal policies', () => {
    const pool = new StringPool();
    const policy = () => ({ automated: true, selfHeal: true, prune: false });
    const [first, second] = ['shop', 'cart'].map(name =>
      compactRecord(
        {
          ...normalizeObject(raw(), { cluster: 'dev' }),
          name,
          driftPolicy: policy(),
        },
        pool,
      ),
    );
    expect(first.driftPolicy).toEqual(policy());
    expect(second.driftPolicy).toBe(first.driftPolicy);
  });
});

describe('compactMatch', () => {
  it('keeps the string labels only, in an object with fast properties', () => {
    const labels = {
      app: 'shop',
      'app.kubernetes.io/instance': 'shop-prod',
      replicas: 2,
    } as unknown as Record<string, string>;
    const match = compactMatch({ labels, namespace: 'shop' }, new StringPool());
    expect(match.labels).toEqual({
      app: 'shop',
      'app.kubernetes.io/instance': 'shop-prod',
    });
    expect(hasFastProperties(match.labels!)).toBe(true);
  });
});
