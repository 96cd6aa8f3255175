import { mapLimit } from '@gitops-portal/plugin-gitops-node';
import { DeliveryService } from '../Deliveries';
import { HistoryStore } from '../HistoryStore';
import { StatusStore } from '../StatusStore';
import { computeDeliveryMetrics } from './computeDeliveryMetrics';
import {
  deploymentsFromHistory,
  incidentsFromHistory,
  leadTimesFromDeliveries,
  rollbackRevisions,
} from './events';
import { DeliveryMetricsConfig } from './readDeliveryMetricsConfig';
import { DeliveryMetricsService } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** History rows read per entity; a service's delivering objects change a few times per deployment. */
const HISTORY_LIMIT = 10_000;
/** Pull requests read per entity (the deliveries API's maximum). */
const PULL_REQUEST_LIMIT = 50;
/** Entities whose current objects are read at once. */
const CONCURRENCY = 4;

export function createDeliveryMetricsService(options: {
  history: Pick<HistoryStore, 'query'>;
  deliveries: Pick<DeliveryService, 'deliveriesOfServices'>;
  statusStore: Pick<StatusStore, 'entityObjects'>;
  config: DeliveryMetricsConfig;
  now?: () => Date;
}): DeliveryMetricsService {
  const { history, deliveries, statusStore, config } = options;
  const now = options.now ?? (() => new Date());

  return {
    async metrics({ subject, entities, query }) {
      const at = now();
      // The window, plus the failure window before it: a deployment's baseline revision and a rollback to a revision
      // deployed just before the window are seen.
      const since = new Date(
        at.getTime() - query.window * DAY_MS - config.failureWindowMs - DAY_MS,
      );
      const objects = await mapLimit(entities, CONCURRENCY, async entity => {
        return (await statusStore.entityObjects(entity.entityRef)).objects;
      });
      // One history query for all the entities (an object on two of a team's is read, and counted, once) and one
      // listing of the config repo's pull requests for all their services.
      const [rows, answers] = await Promise.all([
        entities.length > 0
          ? history.query({
              entityRef: entities.map(entity => entity.entityRef),
              objectKeys: [
                ...new Set(objects.flat().map(object => object.key)),
              ],
              since,
              limit: HISTORY_LIMIT * entities.length,
            })
          : [],
        deliveries.deliveriesOfServices(
          entities.map(({ entityRef, service }, i) => ({
            entityRef,
            service,
            objects: objects[i],
            limit: PULL_REQUEST_LIMIT,
          })),
        ),
      ]);
      // One pull request per URL: numbers repeat across the config repos a team's services deploy from.
      const pulls = [
        ...new Map(
          answers.flatMap(answer => answer.items).map(pull => [pull.url, pull]),
        ).values(),
      ];
      return computeDeliveryMetrics({
        subject,
        entityRefs: entities.map(entity => entity.entityRef),
        deployments: deploymentsFromHistory(rows, {
          failureWindowMs: config.failureWindowMs,
          rollbackRevisions: rollbackRevisions(pulls),
        }),
        incidents: incidentsFromHistory(rows),
        leadTimes: leadTimesFromDeliveries(pulls),
        now: at,
        days: query.window,
        bucket: query.bucket,
        environment: query.environment,
        failureWindowMs: config.failureWindowMs,
      });
    },
  };
}
