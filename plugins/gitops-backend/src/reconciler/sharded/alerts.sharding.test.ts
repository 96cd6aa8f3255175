import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { mockServices } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '../../__testUtils__/databases';
import { waitFor } from '../../__testUtils__/waitFor';
import { AlertService, createAlertService } from '../../services/Alerts';
import { startReplica, TestReplica } from './__testUtils__/replicaHarness';
import {
  evenlySplit,
  shardingDatabases,
  useShardingSuite,
} from './__testUtils__/shardingSuite';

const databases = shardingDatabases();

/** Backstage's NotificationService is not ours: a recording double stands in for it. */
class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(notification: NotificationSendOptions) {
    this.sent.push(notification);
  }
}

/** The alert service as plugin.ts wires it in sharded mode. */
function alertsOf(replica: TestReplica, notifications: NotificationService) {
  return createAlertService({
    cache: replica.cache,
    notifications,
    logger: mockServices.logger.mock(),
    config: {
      enabled: true,
      outOfSyncAfterMs: 600_000,
      minIntervalMs: 600_000,
      minSeverity: 'normal',
      teams: {},
    },
    teamOf: ref => replica.entityIndex.teamOf(ref),
    clusters: () => replica.sharded.watchers(),
    isOwnedCluster: name => replica.sharded.held().includes(name),
    checkIntervalMs: 100,
  });
}

describeOnPostgres(databases)(
  'stale-cluster alerts on %s',
  (databaseId: TestDatabaseId) => {
    const suite = useShardingSuite(databases, databaseId);
    const services: AlertService[] = [];

    afterEach(async () => {
      await Promise.all(services.splice(0).map(service => service.stop()));
    });

    it('alerts a stale cluster once, from the replica holding it', async () => {
      for (const name of ['alerting-0', 'alerting-1']) {
        suite.replicas.push(
          await startReplica(name, suite.knex, suite.emulator, {
            watcherStaleAfterMs: 500,
          }),
        );
      }
      const list = suite.replicas;
      await waitFor('an even split', () => evenlySplit(list));
      const sent = list.map(() => new RecordingNotifications());
      list.forEach((replica, i) => services.push(alertsOf(replica, sent[i])));
      const cluster = list[0].sharded.held()[0];
      await waitFor('the cluster listed', () =>
        list[0].cache.all().some(object => object.cluster === cluster),
      );

      await suite.emulator.cluster(cluster).stop();
      const title = `Cluster ${cluster} is stale: GitOps status is last-known only`;
      await waitFor('the stale alert', () =>
        sent[0].sent.some(n => n.payload.title === title),
      );
      // A few more checks of both replicas: no second alert, none from the other replica.
      await new Promise(resolve => setTimeout(resolve, 500));
      const titles = sent.map(s => s.sent.map(n => n.payload.title));
      expect(titles[0].filter(t => t === title)).toHaveLength(1);
      expect(titles[1]).not.toContain(title);
      expect(sent[0].sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/team-a'],
      });
    });
  },
);
