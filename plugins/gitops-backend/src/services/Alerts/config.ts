import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { AlertsConfig, TeamAlertSettings } from './types';

export const SEVERITIES: NotificationSeverity[] = [
  'low',
  'normal',
  'high',
  'critical',
];

function severity(
  config: Config,
  key: string,
): NotificationSeverity | undefined {
  const value = config.getOptionalString(key);
  if (value === undefined) return undefined;
  if (!SEVERITIES.includes(value as NotificationSeverity)) {
    throw new Error(
      `${key} must be one of ${SEVERITIES.join(', ')}, got '${value}'`,
    );
  }
  return value as NotificationSeverity;
}

function duration(config: Config, key: string, fallback: HumanDuration) {
  return durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

/** Reads `gitops.alerts`; alerts are off unless `enabled` is true. */
export function readAlertsConfig(root: Config): AlertsConfig {
  const config = root.getOptionalConfig('gitops.alerts');
  const teams: Record<string, TeamAlertSettings> = {};
  const teamsConfig = config?.getOptionalConfig('teams');
  for (const team of teamsConfig?.keys() ?? []) {
    const settings = teamsConfig!.getConfig(team);
    teams[team.toLocaleLowerCase('en-US')] = {
      muted: settings.getOptionalBoolean('muted') ?? false,
      minSeverity: severity(settings, 'minSeverity'),
    };
  }
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? false,
    outOfSyncAfterMs: config
      ? duration(config, 'outOfSyncAfter', { minutes: 15 })
      : 15 * 60_000,
    minIntervalMs: config
      ? duration(config, 'minInterval', { minutes: 30 })
      : 30 * 60_000,
    minSeverity: (config && severity(config, 'minSeverity')) ?? 'normal',
    teams,
  };
}
