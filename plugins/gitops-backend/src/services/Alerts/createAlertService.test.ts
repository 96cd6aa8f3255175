import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache } from '../ObjectCache';
import { createAlertService } from './createAlertService';
import { AlertsConfig } from './types';

/** Backstage's NotificationService is not ours: a recording double stands in for it. */
class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(notification: NotificationSendOptions) {
    this.sent.push(notification);
  }
  titles() {
    return this.sent.map(n => n.payload.title);
  }
}

const KIND = 'dev|argoproj.io|Application';
const SHOP = 'component:default/shop';
const TEAM = 'group:default/team-a';
const MINUTE = 60_000;

type Status = { sync?: string; health?: string; phase?: string };

function setup(
  overrides: Partial<AlertsConfig> = {},
  extra: { owned?: boolean; staleSince?: () => number | undefined } = {},
) {
  const cache = createObjectCache();
  cache.setEntityMapping({ entityRefsFor: () => [SHOP], teamOf: () => TEAM });
  const notifications = new RecordingNotifications();
  const service = createAlertService({
    cache,
    notifications,
    logger: mockServices.logger.mock(),
    config: {
      enabled: true,
      outOfSyncAfterMs: 10 * MINUTE,
      minIntervalMs: 30 * MINUTE,
      minSeverity: 'normal',
      teams: {},
      ...overrides,
    },
    teamOf: () => TEAM,
    clusters: () => [
      { name: 'dev', staleSince: extra.staleSince ?? (() => undefined) },
    ],
    isOwnedCluster: () => extra.owned ?? true,
  });
  const observe = (status: Status) => {
    const raw = application('shop', status) as any;
    if (status.phase) {
      raw.status.operationState = { phase: status.phase, message: 'boom' };
    }
    cache.upsert(KIND, {
      record: normalizeObject(raw, { cluster: 'dev' }),
      match: {},
    });
  };
  return { cache, notifications, service, observe };
}

describe('createAlertService', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    [
      'into Degraded',
      { health: 'Degraded' },
      'Degraded: Application argocd/shop in dev',
      'high',
    ],
    [
      'a failed sync',
      { phase: 'Failed' },
      'Sync failed: Application argocd/shop in dev',
      'high',
    ],
    [
      'an errored sync',
      { phase: 'Error' },
      'Sync failed: Application argocd/shop in dev',
      'high',
    ],
  ])(
    'notifies the owning team of %s, with a link to the entity tab',
    async (_, status, title, severity) => {
      const { notifications, service, observe } = setup();
      observe({});
      observe(status);
      await service.stop();
      expect(notifications.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [TEAM] },
          payload: expect.objectContaining({
            title,
            severity,
            link: '/catalog/default/component/shop/gitops',
            topic: 'gitops',
          }),
        },
      ]);
    },
  );

  it('treats the first sighting of an object as the baseline', async () => {
    const { notifications, service, observe } = setup();
    observe({ health: 'Degraded' });
    await service.stop();
    expect(notifications.sent).toEqual([]);
  });

  it('sends one alert while the condition lasts and a recovery with the same scope when it clears', async () => {
    const { notifications, service, observe } = setup();
    observe({});
    observe({ health: 'Degraded' });
    observe({ health: 'Degraded', sync: 'Synced' });
    observe({ health: 'Healthy' });
    await service.stop();
    expect(notifications.titles()).toEqual([
      'Degraded: Application argocd/shop in dev',
      'Recovered: Application argocd/shop in dev is no longer Degraded (Healthy)',
    ]);
    const [alert, recovery] = notifications.sent.map(n => n.payload);
    expect(recovery.scope).toBe(alert.scope);
    expect(recovery.severity).toBe('low');
  });

  it('rate-limits alerts per object, and a suppressed alert has no recovery', async () => {
    const { notifications, service, observe } = setup();
    observe({});
    observe({ health: 'Degraded' });
    observe({ health: 'Healthy' });
    jest.advanceTimersByTime(5 * MINUTE);
    observe({ health: 'Degraded' }); // within minInterval: suppressed
    observe({ health: 'Healthy' });
    jest.advanceTimersByTime(30 * MINUTE);
    observe({ health: 'Degraded' }); // allowed again
    await service.stop();
    expect(notifications.titles()).toEqual([
      'Degraded: Application argocd/shop in dev',
      'Recovered: Application argocd/shop in dev is no longer Degraded (Healthy)',
      'Degraded: Application argocd/shop in dev',
    ]);
  });

  it('alerts an object OutOfSync for longer than the threshold, not before', async () => {
    const { notifications, service, observe } = setup();
    observe({});
    observe({ sync: 'OutOfSync' });
    jest.advanceTimersByTime(9 * MINUTE);
    expect(notifications.sent).toEqual([]);
    jest.advanceTimersByTime(2 * MINUTE);
    observe({ sync: 'Synced' });
    await service.stop();
    expect(notifications.titles()).toEqual([
      'OutOfSync for too long: Application argocd/shop in dev',
      'Recovered: Application argocd/shop in dev is Synced again',
    ]);
  });

  it('alerts the teams of a stale cluster and again when it is back', async () => {
    let staleSince: number | undefined;
    const { notifications, service, observe } = setup(
      {},
      { staleSince: () => staleSince },
    );
    observe({});
    staleSince = Date.now();
    jest.advanceTimersByTime(30_000);
    jest.advanceTimersByTime(30_000); // still stale: no second alert
    staleSince = undefined;
    jest.advanceTimersByTime(30_000);
    await service.stop();
    expect(notifications.titles()).toEqual([
      'Cluster dev is stale: GitOps status is last-known only',
      'Recovered: cluster dev is in contact again',
    ]);
    expect(notifications.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: [TEAM],
    });
  });

  it.each([
    ['alerts are disabled', { enabled: false }, {}],
    ['the team is muted', { teams: { 'team-a': { muted: true } } }, {}],
    [
      "the alert is below the team's minimum severity",
      {
        teams: { 'team-a': { muted: false, minSeverity: 'critical' as const } },
      },
      {},
    ],
    ['another replica owns the cluster', {}, { owned: false }],
  ])('sends nothing when %s', async (_, config, extra) => {
    const { notifications, service, observe } = setup(config, extra);
    observe({});
    observe({ health: 'Degraded' });
    await service.stop();
    expect(notifications.sent).toEqual([]);
  });
});
