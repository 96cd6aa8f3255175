import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { compactRecord, StringPool } from './compact';

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
});
