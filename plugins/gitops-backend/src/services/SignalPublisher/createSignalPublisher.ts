import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  GITOPS_SIGNAL_CHANNEL,
  type GitopsSignal,
} from '@gitops-portal/plugin-gitops-common';
import { errorMessage } from '../../lib/errorMessage';
import { SignalPublisher } from './types';

/**
 * Collects changed entity refs and clusters and publishes them as one broadcast per batch window, so a burst of
 * watch events is one message. Each broadcast is numbered (`seq`, this process's `publisher` id): Backstage's signals
 * deliver only to sockets subscribed at that moment, and the numbers let a browser tell that it missed one (see
 * `GitopsSignal`). A broadcast that fails to publish keeps its number, so the gap shows.
 */
export function createSignalPublisher(options: {
  signals: SignalsService;
  logger: LoggerService;
  batchMs?: number;
}): SignalPublisher {
  const { signals, logger } = options;
  const publisher = randomUUID();
  let seq = 0;
  let entityRefs = new Set<string>();
  let clusters = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function flush() {
    clearTimeout(timer);
    timer = undefined;
    if (entityRefs.size === 0 && clusters.size === 0) return;
    seq += 1;
    const message = {
      entityRefs: [...entityRefs],
      clusters: [...clusters],
      publisher,
      seq,
    } satisfies GitopsSignal;
    entityRefs = new Set();
    clusters = new Set();
    try {
      await signals.publish({
        recipients: { type: 'broadcast' },
        channel: GITOPS_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      logger.warn(
        `gitops: could not publish status signal: ${errorMessage(error)}`,
      );
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
    async echo(userEntityRef, token) {
      const message = {
        entityRefs: [],
        clusters: [],
        publisher,
        seq,
        echo: token,
      } satisfies GitopsSignal;
      await signals.publish({
        recipients: { type: 'user', entityRef: userEntityRef },
        channel: GITOPS_SIGNAL_CHANNEL,
        message,
      });
    },
    position: () => `${publisher}:${seq}`,
    flush,
    async stop() {
      stopped = true;
      await flush();
    },
  };
}
