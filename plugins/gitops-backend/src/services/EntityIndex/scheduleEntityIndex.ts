import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { EntityIndex } from './types';

const FIRST_LOAD_ATTEMPTS = 24;
const FIRST_LOAD_RETRY_MS = 5_000;

/**
 * Keeps the index current: a reload every `frequencyMs` (`gitops.catalogEntities.refreshInterval`, a minute by
 * default) on every replica (each keeps its own), and at startup a first load retried every few seconds until it finds
 * entities, since the catalog may still be ingesting (objects would stay unmapped until the next scheduled reload).
 */
export async function scheduleEntityIndex(options: {
  entityIndex: Pick<EntityIndex, 'refresh'>;
  frequencyMs: number;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}) {
  const { entityIndex, logger } = options;
  await options.scheduler.scheduleTask({
    id: 'gitops-entity-index',
    frequency: { milliseconds: options.frequencyMs },
    timeout: { minutes: 2 },
    scope: 'local', // every replica keeps its own cache
    fn: async () => {
      await entityIndex.refresh();
    },
  });
  options.lifecycle.addStartupHook(() => {
    void loadUntilPopulated(entityIndex, logger);
  });
}

async function loadUntilPopulated(
  entityIndex: Pick<EntityIndex, 'refresh'>,
  logger: LoggerService,
) {
  for (let attempt = 1; attempt <= FIRST_LOAD_ATTEMPTS; attempt++) {
    try {
      if ((await entityIndex.refresh()) > 0) return;
    } catch (error) {
      logger.warn(`gitops: catalog load failed (attempt ${attempt}): ${error}`);
    }
    // unref: a backend shutting down must not wait for this retry
    await new Promise(resolve =>
      setTimeout(resolve, FIRST_LOAD_RETRY_MS).unref(),
    );
  }
}
