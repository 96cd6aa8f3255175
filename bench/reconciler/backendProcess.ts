/**
 * The backend under measurement, in its own process: the real `gitopsPlugin` in `startTestBackend`, so its
 * memory figures are its own (not the bench client's, the proxies' or the seeding's). Driven by run.ts over
 * IPC (`fork`); see backendChild.ts for the process side.
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface BackendCluster {
  name: string;
  url: string;
  token: string;
}

/** `process.memoryUsage()` fields the bench reports, in bytes. */
export interface MemoryReading {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface MemoryReport {
  /** After full collections until the heap stops shrinking (`gcExposed` says whether gc ran). */
  now: MemoryReading;
  /** High-water marks since the backend started, sampled every 20 ms. */
  peakRss: number;
  peakHeapTotal: number;
  /**
   * CPU time (user + system) of the process since the measured backend was asked to start (0 before), read before
   * the collections: steadier than wall-clock time on a loaded machine.
   */
  cpuMs: number;
  gcExposed: boolean;
}

/** Readings of an idle window with no forced gc (what the process shows at steady state). */
export interface SettledReport {
  /** The last reading of the window. */
  end: MemoryReading;
  /** RSS every 5 s through the window, in MB (shows when V8's memory reducer gave pages back). */
  rssMbEvery5s: number[];
}

export type BackendRequest =
  | { type: 'start' }
  | { type: 'memory' }
  | { type: 'settle'; ms: number }
  | { type: 'stop' };

export type BackendReply =
  | { type: 'baseline'; memory: MemoryReport; settled: SettledReport }
  | { type: 'started'; port: number }
  | { type: 'memory'; memory: MemoryReport }
  | { type: 'settled'; settled: SettledReport }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

export interface BackendProcess {
  /** Memory of the warmed-up process before the measured backend starts (no cluster watched yet). */
  baseline: MemoryReport;
  /** The same process after an idle window of `BENCH_SETTLE_MS`, no forced gc. */
  settledBaseline: SettledReport;
  /** Starts the backend with the clusters; resolves with its HTTP port. */
  start(): Promise<number>;
  memory(): Promise<MemoryReport>;
  /** Waits `ms` with nothing asked of the backend, then reads its memory without forcing a gc. */
  settle(ms: number): Promise<SettledReport>;
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'backendChild.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

/**
 * `warmup`: a cluster with a few objects that only the warm-up backend watches, so the watch, list and
 * normalise code is loaded and compiled before the baseline (code is not a per-object cost).
 */
export async function startBackendProcess(
  clusters: BackendCluster[],
  warmup: { cluster: BackendCluster; objects: number },
): Promise<BackendProcess> {
  const child: ChildProcess = fork(SCRIPT, [], {
    execArgv: ['--expose-gc', '--require', TRANSFORM],
    env: {
      ...process.env,
      BENCH_BACKEND_CLUSTERS: JSON.stringify(clusters),
      BENCH_WARMUP: JSON.stringify(warmup),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending: Array<(reply: BackendReply) => void> = [];
  let failure: Error | undefined;
  const replyTypes = new Set([
    'baseline',
    'started',
    'memory',
    'settled',
    'stopped',
    'error',
  ]);
  child.on('message', (message: { type?: unknown }) => {
    // The TypeScript transform posts its own messages ({ type: 'watch' }): skip them.
    if (!replyTypes.has(String(message?.type))) return;
    pending.shift()?.(message as BackendReply);
  });
  child.once('exit', code => {
    failure = new Error(`backend process exited ${code}`);
    for (const waiter of pending.splice(0)) {
      waiter({ type: 'error', message: failure.message });
    }
  });
  /** Replies come in request order: one outstanding request at a time. */
  const next = () =>
    new Promise<BackendReply>((resolve, reject) => {
      if (failure) reject(failure);
      else pending.push(resolve);
    });
  const ask = async (request: BackendRequest) => {
    const reply = next();
    child.send(request);
    const answer = await reply;
    if (answer.type === 'error') throw new Error(answer.message);
    return answer;
  };

  const first = await next();
  if (first.type !== 'baseline') {
    child.kill();
    throw new Error(`backend: ${first.type}`);
  }
  return {
    baseline: first.memory,
    settledBaseline: first.settled,
    async start() {
      const reply = await ask({ type: 'start' });
      if (reply.type !== 'started') throw new Error(`backend: ${reply.type}`);
      return reply.port;
    },
    async memory() {
      const reply = await ask({ type: 'memory' });
      if (reply.type !== 'memory') throw new Error(`backend: ${reply.type}`);
      return reply.memory;
    },
    async settle(ms) {
      const reply = await ask({ type: 'settle', ms });
      if (reply.type !== 'settled') throw new Error(`backend: ${reply.type}`);
      return reply.settled;
    },
    async stop() {
      if (failure) return;
      const exited = new Promise(resolve => child.once('exit', resolve));
      await ask({ type: 'stop' }).catch(() => undefined);
      await exited;
    },
  };
}
