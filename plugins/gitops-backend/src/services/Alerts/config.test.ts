import { ConfigReader } from '@backstage/config';
import { readAlertsConfig } from './config';

describe('readAlertsConfig', () => {
  it('is off with the defaults when gitops.alerts is absent', () => {
    expect(readAlertsConfig(new ConfigReader({}))).toEqual({
      enabled: false,
      outOfSyncAfterMs: 15 * 60_000,
      minIntervalMs: 30 * 60_000,
      minSeverity: 'normal',
      teams: {},
    });
  });

  it('reads thresholds and per-team overrides', () => {
    const config = readAlertsConfig(
      new ConfigReader({
        gitops: {
          alerts: {
            enabled: true,
            outOfSyncAfter: '5m',
            minInterval: { hours: 1 },
            minSeverity: 'high',
            teams: {
              'Team-A': { muted: true },
              'team-b': { minSeverity: 'critical' },
            },
          },
        },
      }),
    );
    expect(config).toEqual({
      enabled: true,
      outOfSyncAfterMs: 5 * 60_000,
      minIntervalMs: 3600_000,
      minSeverity: 'high',
      teams: {
        'team-a': { muted: true, minSeverity: undefined },
        'team-b': { muted: false, minSeverity: 'critical' },
      },
    });
  });

  it('refuses an unknown severity', () => {
    expect(() =>
      readAlertsConfig(
        new ConfigReader({ gitops: { alerts: { minSeverity: 'urgent' } } }),
      ),
    ).toThrow(/minSeverity must be one of low, normal, high, critical/);
  });
});
