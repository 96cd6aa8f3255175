import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

export interface DeliveryMetricsConfig {
  /** A deployment followed by a failure within this long is a failed change. */
  failureWindowMs: number;
}

const KEY = 'gitops.deliveryMetrics.failureWindow';

/** `gitops.deliveryMetrics.*`; the failure window defaults to one day. */
export function readDeliveryMetricsConfig(
  config: Config,
): DeliveryMetricsConfig {
  return {
    failureWindowMs: durationToMilliseconds(
      config.has(KEY)
        ? readDurationFromConfig(config, { key: KEY })
        : { days: 1 },
    ),
  };
}
