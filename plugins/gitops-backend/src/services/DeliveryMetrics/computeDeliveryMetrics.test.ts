import {
  computeDeliveryMetrics,
  DeliveryMetricsInput,
} from './computeDeliveryMetrics';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-12-07T12:00:00Z');
const ago = (days: number) => NOW.getTime() - days * DAY;

const input = (
  extra: Partial<DeliveryMetricsInput> = {},
): DeliveryMetricsInput => ({
  subject: { kind: 'entity', ref: 'component:default/shop' },
  entityRefs: ['component:default/shop'],
  deployments: [],
  incidents: [],
  leadTimes: [],
  now: NOW,
  days: 30,
  failureWindowMs: DAY,
  ...extra,
});

const deployment = (days: number, failed = false, environment = 'prod') => ({
  key: `${environment}/argoproj.io/Application/argocd/shop`,
  environment,
  revision: `r${days}`,
  at: ago(days),
  failed,
});

describe('computeDeliveryMetrics', () => {
  it.each([
    [30, undefined, 30, 'day'],
    [90, undefined, 13, 'week'],
    [90, 'day', 90, 'day'],
    [30, 'week', 5, 'week'],
  ] as const)(
    'a %s-day window by %s has %s %s buckets',
    (days, bucket, count, expected) => {
      const metrics = computeDeliveryMetrics(input({ days, bucket }));
      expect(metrics.series).toHaveLength(count);
      expect(metrics.window.bucket).toBe(expected);
      expect(metrics.window.from).toBe(metrics.series[0].start);
    },
  );

  it('answers nulls, not zeros, for rates and medians without events', () => {
    expect(computeDeliveryMetrics(input()).summary).toEqual({
      deployments: 0,
      deploymentsPerDay: 0,
      failedDeployments: 0,
      changeFailureRate: null,
      leadTimeSamples: 0,
      leadTimeMedianSeconds: null,
      incidents: 0,
      restoredIncidents: 0,
      openIncidents: 0,
      timeToRestoreMedianSeconds: null,
    });
  });

  it.each([
    [
      'counts deployments in the window only',
      { deployments: [deployment(1), deployment(2, true), deployment(45)] },
      {
        deployments: 2,
        failedDeployments: 1,
        changeFailureRate: 0.5,
        deploymentsPerDay: 2 / 30,
      },
    ],
    [
      'filters by environment',
      {
        environment: 'prod',
        deployments: [deployment(1), deployment(1, true, 'dev')],
      },
      { deployments: 1, failedDeployments: 0, changeFailureRate: 0 },
    ],
    [
      'takes the median lead time in seconds',
      {
        leadTimes: [1, 2, 6].map(hours => ({
          environment: 'prod',
          mergedAt: ago(3),
          healthyAt: ago(3) + hours * HOUR,
        })),
      },
      { leadTimeSamples: 3, leadTimeMedianSeconds: 2 * 3600 },
    ],
    [
      'keeps an open incident out of the restore median',
      {
        incidents: [
          { key: 'k', environment: 'prod', start: ago(5), end: ago(5) + HOUR },
          { key: 'k', environment: 'prod', start: ago(2) },
        ],
      },
      {
        incidents: 2,
        restoredIncidents: 1,
        openIncidents: 1,
        timeToRestoreMedianSeconds: 3600,
      },
    ],
  ] as const)('%s', (_case, extra, expected) => {
    expect(
      computeDeliveryMetrics(input(extra as Partial<DeliveryMetricsInput>))
        .summary,
    ).toMatchObject(expected);
  });

  it('puts each deployment in the bucket of its day', () => {
    const { series } = computeDeliveryMetrics(
      input({ deployments: [deployment(0), deployment(0), deployment(29)] }),
    );
    expect(series.map(bucket => bucket.deployments)).toEqual([
      1,
      ...Array(28).fill(0),
      2,
    ]);
  });
});
