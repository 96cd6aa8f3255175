import type {
  Delivery,
  HistoryEntry,
} from '@gitops-portal/plugin-gitops-common';
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
import { DeliveryMetricsService, MetricsEntity } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** History rows read per entity; a service's delivering objects change a few times per deployment. */
const HISTORY_LIMIT = 10_000;
/** Pull requests read per entity (the deliveries API's maximum). */
const PULL_REQUEST_LIMIT = 50;
/** Entities whose history and pull requests are read at once (each is a database query and GitHub calls). */
const CONCURRENCY = 4;

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

export function createDeliveryMetricsService(options: {
  history: Pick<HistoryStore, 'query'>;
  deliveries: DeliveryService;
  statusStore: Pick<StatusStore, 'entityObjects'>;
  config: DeliveryMetricsConfig;
  now?: () => Date;
}): DeliveryMetricsService {
  const { history, deliveries, statusStore, config } = options;
  const now = options.now ?? (() => new Date());

  /** One entity's history since `since` and its pull requests, newest first. */
  async function readEntity(
    { entityRef, service }: MetricsEntity,
    since: Date,
  ): Promise<{ history: HistoryEntry[]; deliveries: Delivery[] }> {
    const { objects } = await statusStore.entityObjects(entityRef);
    const [rows, pulls] = await Promise.all([
      history.query({
        entityRef,
        objectKeys: objects.map(object => object.key),
        since,
        limit: HISTORY_LIMIT,
      }),
      deliveries.deliveries({
        entityRef,
        service,
        objects,
        limit: PULL_REQUEST_LIMIT,
      }),
    ]);
    return { history: rows, deliveries: pulls.items };
  }

  return {
    async metrics({ subject, entities, query }) {
      const at = now();
      // The window, plus the failure window before it: a deployment's baseline revision and a rollback to a revision
      // deployed just before the window are seen.
      const since = new Date(
        at.getTime() - query.window * DAY_MS - config.failureWindowMs - DAY_MS,
      );
      const read = await mapLimit(entities, CONCURRENCY, entity =>
        readEntity(entity, since),
      );
      // An object on two entities of a team is counted once.
      const rows = [
        ...new Map(
          read.flatMap(r => r.history).map(row => [row.id, row]),
        ).values(),
      ];
      const pulls = [
        ...new Map(
          read.flatMap(r => r.deliveries).map(pull => [pull.number, pull]),
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
