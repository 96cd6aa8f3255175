import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { GitopsConfig } from '../../config';
import { HistoryStore } from './types';

/** Prunes transitions older than `gitops.history.retention` every hour (one replica at a time). */
export async function scheduleHistoryRetention(options: {
  history: Pick<HistoryStore, 'prune'>;
  config: Pick<GitopsConfig, 'retentionMs'>;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { history, logger } = options;
  const { retentionMs } = options.config;
  await options.scheduler.scheduleTask({
    id: 'gitops-history-retention',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    fn: async () => {
      const removed = await history.prune(new Date(Date.now() - retentionMs));
      if (removed > 0) logger.info(`gitops: pruned ${removed} history rows`);
    },
  });
}
