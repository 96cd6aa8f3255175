import {
  Health,
  healthFromLuaOutcome,
  LuaHealthOutcome,
} from '@gitops-portal/plugin-gitops-common';
import {
  MessageChannel,
  MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { LUA_WORKER_SOURCE } from './luaWorkerSource';
import { SANDBOX_PRELUDE } from './sandboxPrelude';

/** Bounds of one script run (`gitops.health.limits`). */
export interface LuaHealthLimits {
  /** Time one run may take (the VM checks it every 1000 Lua instructions). */
  timeoutMs: number;
  /** Memory one run may allocate on top of what the VM holds before it. */
  memoryBytes: number;
  /**
   * Lua instructions one run may execute (checked every 1000): unlike the time limit, the same script and object
   * give the same answer on a busy machine. Default 10 million.
   */
  maxInstructions?: number;
}

/**
 * Defaults: Argo CD gives a script one second off its event loop; here the event loop waits for the answer, so the
 * bound is tighter. Argo CD has no memory bound.
 */
export const DEFAULT_LUA_HEALTH_LIMITS: Required<LuaHealthLimits> = {
  timeoutMs: 100,
  memoryBytes: 8 * 1024 * 1024,
  maxInstructions: 10_000_000,
};

/** Compiled scripts the VM keeps; past this the cache starts over (a cluster has a handful). */
const MAX_COMPILED = 256;
/**
 * How long the event loop waits past the VM's own deadline. A run still not answered then is stuck where the
 * instruction hook cannot reach (inside one C call, e.g. a pathological string pattern): the worker is ended.
 */
const STUCK_GRACE_MS = 200;
/** The worker's JavaScript heap (the Lua VM lives in its WebAssembly memory, bounded per run). */
const WORKER_HEAP_MB = 64;
/**
 * A script that ran out of time is not run again for this long: each run would hold the event loop for the whole
 * time limit, for every object of its kinds. It runs again sooner when its text changes.
 */
const SKIP_AFTER_TIMEOUT_MS = 5 * 60_000;
/** What wasmoon's deadline raises. */
const TIMEOUT_ERROR = 'thread timeout exceeded';

/** Runs Argo CD health scripts (`obj` in, `hs.status` / `hs.message` out) in a sandboxed Lua VM. */
export interface LuaHealthRuntime {
  /** The health a script gives an object; any failure is Unknown with the reason. Never throws. */
  evaluate(script: string, obj: unknown): Health;
  close(): Promise<void>;
}

/**
 * JSON as Argo CD hands it to Lua: null fields are absent (nil), nulls in lists are left out. Copies, so the VM
 * bridge never sees anything but plain data.
 */
function luaValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter(item => item !== null).map(luaValue);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && item !== undefined) out[key] = luaValue(item);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value;
}

interface Vm {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/** Starts the worker and waits until its VM is ready. */
async function startVm(limits: LuaHealthLimits): Promise<Vm> {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(LUA_WORKER_SOURCE, {
    eval: true,
    workerData: {
      port: port2,
      signal,
      wasmoonPath: require.resolve('wasmoon'),
      prelude: SANDBOX_PRELUDE,
      timeoutMs: limits.timeoutMs,
      memoryBytes: limits.memoryBytes,
      maxInstructions:
        limits.maxInstructions ?? DEFAULT_LUA_HEALTH_LIMITS.maxInstructions,
      maxCompiled: MAX_COMPILED,
    },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  // The worker must not keep the process alive, nor write to the backend's output.
  worker.unref();
  worker.stdout.resume();
  worker.stderr.resume();
  port1.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once('message', message => {
      if (message === 'ready') resolve();
      else reject(new Error(`Lua runtime failed to start: ${message?.failed}`));
    });
    worker.once('error', reject);
  });
  return { worker, port: port1, signal };
}

/**
 * Argo CD health scripts in a wasmoon VM (Lua 5.4 in WebAssembly) on a worker thread. The script sees only `obj` and
 * base (without load/require/print/collectgarbage), string, table and math — no io, os, package, debug or coroutine,
 * no JavaScript. Each run is bounded in time (the VM's instruction-count deadline) and memory (the VM's allocator
 * refuses past the bound: `not enough memory`); the event loop waits for the answer at most the deadline plus a grace
 * period, after which the worker is ended and started again, so no script can stall the backend.
 */
export async function createLuaHealthRuntime(
  limits: LuaHealthLimits = DEFAULT_LUA_HEALTH_LIMITS,
): Promise<LuaHealthRuntime> {
  let vm: Vm | undefined = await startVm(limits);
  /** Scripts that ran out of time, with when. */
  const timedOut = new Map<string, number>();
  let restarting: Promise<void> | undefined;
  let closed = false;

  function restart() {
    const stuck = vm;
    vm = undefined;
    void stuck?.worker.terminate();
    if (closed) return;
    restarting ??= startVm(limits)
      .then(fresh => {
        if (closed) void fresh.worker.terminate();
        else vm = fresh;
      })
      .catch(() => undefined)
      .finally(() => {
        restarting = undefined;
      });
  }

  return {
    evaluate(script, obj) {
      const since = timedOut.get(script);
      if (since !== undefined && Date.now() - since < SKIP_AFTER_TIMEOUT_MS) {
        return healthFromLuaOutcome({
          error: `skipped: it ran out of time on another object (${
            limits.timeoutMs
          } ms); it runs again when changed or after ${
            SKIP_AFTER_TIMEOUT_MS / 60_000
          } minutes`,
        });
      }
      timedOut.delete(script);
      const current = vm;
      if (!current) {
        return healthFromLuaOutcome({
          error:
            'the Lua runtime is restarting after a script that would not stop',
        });
      }
      Atomics.store(current.signal, 0, 0);
      current.port.postMessage({ script, obj: luaValue(obj) ?? {} });
      Atomics.wait(current.signal, 0, 0, limits.timeoutMs + STUCK_GRACE_MS);
      const answer = receiveMessageOnPort(current.port);
      if (!answer) {
        timedOut.set(script, Date.now());
        restart();
        return healthFromLuaOutcome({
          error: `the script did not stop within ${
            limits.timeoutMs + STUCK_GRACE_MS
          } ms`,
        });
      }
      const outcome = answer.message as LuaHealthOutcome;
      if ('error' in outcome && outcome.error.includes(TIMEOUT_ERROR)) {
        timedOut.set(script, Date.now());
      }
      return healthFromLuaOutcome(outcome);
    },
    async close() {
      closed = true;
      await restarting;
      const current = vm;
      vm = undefined;
      await current?.worker.terminate();
    },
  };
}

/** The process's runtimes by their limits (one, unless tests configure others). */
const shared = new Map<string, Promise<LuaHealthRuntime>>();

/** One runtime (one worker thread) per set of limits for every cluster of the process, started on first use. */
export function sharedLuaHealthRuntime(
  limits: LuaHealthLimits = DEFAULT_LUA_HEALTH_LIMITS,
): Promise<LuaHealthRuntime> {
  const id = JSON.stringify({ ...DEFAULT_LUA_HEALTH_LIMITS, ...limits });
  let runtime = shared.get(id);
  if (!runtime) {
    runtime = createLuaHealthRuntime(limits).catch(error => {
      shared.delete(id);
      throw error;
    });
    shared.set(id, runtime);
  }
  return runtime;
}
