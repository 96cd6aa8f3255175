/** Runs a task under a concurrency limit (the shape of a `p-limit` instance). */
export type TaskLimit = <T>(task: () => Promise<T>) => Promise<T>;

export interface ListPageLimitOptions {
  /** List pages in flight at once across every cluster; default 2. */
  concurrency?: number;
  /**
   * A task holds its slot at most this long; default 5 s. A cluster that answers slowly must not
   * hold every other cluster's cold start back for a whole request timeout.
   */
  maxHoldMs?: number;
}

const DEFAULT_LIST_PAGES_IN_FLIGHT = 2;
const DEFAULT_LIST_PAGE_MAX_HOLD_MS = 5_000;

/**
 * The process-wide gate for list pages, shared by every cluster watcher. Without it a cold start
 * lists every kind of every cluster at once: 20 clusters × a 500-object page is tens of MB of
 * response bodies and parsed pages alive together. With it a few pages are in flight at a time (a
 * page that outlives maxHoldMs lets one more start, so the bound is soft for slow clusters).
 * Measured effect and what else drives the cold start's memory: bench/reconciler/README.md.
 */
export function createListPageLimit(
  options: ListPageLimitOptions = {},
): TaskLimit {
  return createTaskLimit({
    concurrency: options.concurrency ?? DEFAULT_LIST_PAGES_IN_FLIGHT,
    maxHoldMs: options.maxHoldMs ?? DEFAULT_LIST_PAGE_MAX_HOLD_MS,
  });
}

/**
 * At most `concurrency` tasks at once, the others waiting in arrival order; with `maxHoldMs`, a task
 * holding its slot that long lets the next one start. Unlike `p-limit` 3 (whose queue keeps its last
 * task, and so that task's result, referenced until another task queues), a finished task leaves
 * nothing behind: a cluster's last list page is not kept alive by its limit.
 */
export function createTaskLimit(options: {
  concurrency: number;
  maxHoldMs?: number;
}): TaskLimit {
  const concurrency = Math.max(1, options.concurrency);
  const { maxHoldMs } = options;
  const waiting: Array<() => void> = [];
  let active = 0;

  const acquire = () =>
    new Promise<void>(resolve => {
      if (active < concurrency) {
        active++;
        resolve();
      } else {
        waiting.push(resolve);
      }
    });

  const release = () => {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next task
    else active--;
  };

  return async <T>(task: () => Promise<T>): Promise<T> => {
    await acquire();
    let released = false;
    const hold: { timer?: NodeJS.Timeout } = {};
    const releaseOnce = () => {
      if (released) return;
      released = true;
      clearTimeout(hold.timer);
      release();
    };
    if (maxHoldMs !== undefined) {
      hold.timer = setTimeout(releaseOnce, maxHoldMs);
      hold.timer.unref?.();
    }
    try {
      return await task();
    } finally {
      releaseOnce();
    }
  };
}
