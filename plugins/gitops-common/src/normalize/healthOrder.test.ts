import { HealthStatus } from '../schema';
import {
  compareHealth,
  countByHealth,
  countBySync,
  HEALTH_ORDER,
  healthSeverity,
  worstHealth,
} from './healthOrder';

describe('worstHealth', () => {
  it.each<[HealthStatus[], HealthStatus | undefined]>([
    [['Healthy', 'Degraded', 'Progressing'], 'Degraded'],
    [['Healthy', 'Missing', 'Unknown'], 'Missing'],
    [['Progressing', 'Unknown'], 'Unknown'],
    [['Suspended', 'Progressing'], 'Progressing'],
    [['Healthy', 'Suspended'], 'Suspended'],
    [['Healthy', 'Healthy'], 'Healthy'],
    [[], undefined],
  ])('%p -> %p', (list, expected) => {
    expect(worstHealth(list)).toBe(expected);
  });
});

describe('compareHealth', () => {
  it('sorts broken-now first', () => {
    const shuffled: HealthStatus[] = [
      'Healthy',
      'Suspended',
      'Unknown',
      'Degraded',
      'Progressing',
      'Missing',
    ];
    expect([...shuffled].sort(compareHealth)).toEqual(HEALTH_ORDER);
  });

  it('keeps equal statuses equal', () => {
    expect(compareHealth('Missing', 'Missing')).toBe(0);
  });
});

describe('healthSeverity', () => {
  it.each<[HealthStatus, number]>([
    ['Degraded', 5],
    ['Missing', 4],
    ['Unknown', 3],
    ['Progressing', 2],
    ['Suspended', 1],
    ['Healthy', 0],
  ])('%s -> %d', (status, expected) => {
    expect(healthSeverity(status)).toBe(expected);
  });
});

describe('counts', () => {
  it('counts every health status, zeros included', () => {
    expect(countByHealth(['Healthy', 'Degraded', 'Healthy'])).toEqual({
      Healthy: 2,
      Progressing: 0,
      Degraded: 1,
      Suspended: 0,
      Missing: 0,
      Unknown: 0,
    });
  });

  it('counts every sync status, zeros included', () => {
    expect(countBySync(['OutOfSync', 'OutOfSync'])).toEqual({
      Synced: 0,
      OutOfSync: 2,
      Unknown: 0,
    });
  });
});
