import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { GITOPS_SIGNAL_CHANNEL, SignalPublisher } from './types';

/**
 * Collects changed entity refs and clusters and publishes them as one
 * broadcast per batch window, so a burst of watch events is one message.
 */
export function createSignalPublisher(options: {
  signals: SignalsService;
  logger: LoggerService;
  batchMs?: number;
}): SignalPublisher {
  const { signals, logger } = options;
  let entityRefs = new Set<string>();
  let clusters = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function flush() {
    clearTimeout(timer);
    timer = undefined;
    if (entityRefs.size === 0 && clusters.size === 0) return;
    const message = { entityRefs: [...entityRefs], clusters: [...clusters] };
    entityRefs = new Set();
    clusters = new Set();
    try {
      await signals.publish({
        recipients: { type: 'broadcast' },
        channel: GITOPS_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      logger.warn(`gitops: could not publish status signal: ${error}`);
    }
  }

  return {
    changed(change) {
      if (stopped) return;
      for (const ref of change.entityRefs ?? []) entityRefs.add(ref);
      for (const cluster of change.clusters ?? []) clusters.add(cluster);
      timer ??= setTimeout(() => {
        timer = undefined;
        flush();
      }, options.batchMs ?? 250);
    },
    flush,
    async stop() {
      stopped = true;
      await flush();
    },
  };
}
