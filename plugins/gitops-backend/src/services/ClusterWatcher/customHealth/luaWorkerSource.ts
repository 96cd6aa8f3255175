/**
 * The worker thread that owns the Lua VM (plain JavaScript: a worker is started from source, so it needs no build
 * step or loader). It creates one wasmoon engine with only base, table, string and math (debug only for the
 * prelude, which removes it), runs the sandbox prelude, then answers one request at a time on `workerData.port`:
 * `{ script, obj }` → `{ outcome }`, each run bounded by a deadline and an instruction budget (one count hook, checked every
 * 1000 instructions) and by wasmoon's allocator limit.
 * After posting an answer it flips `workerData.signal` so the main thread, blocked in Atomics.wait, wakes at once.
 */
export const LUA_WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { LuaFactory, LuaLibraries, LuaEventMasks, LuaTimeoutError } = require(workerData.wasmoonPath);
const { port, signal, prelude, timeoutMs, memoryBytes, maxInstructions, maxCompiled } = workerData;

(async () => {
  const engine = await new LuaFactory().createEngine({
    openStandardLibs: false,
    injectObjects: false,
    enableProxy: false,
    traceAllocations: true,
  });
  const global = engine.global;
  for (const library of [LuaLibraries.Base, LuaLibraries.Table, LuaLibraries.String, LuaLibraries.Math, LuaLibraries.Debug]) {
    global.loadLibrary(library);
  }
  engine.doStringSync(prelude);

  // One count hook for the VM's life (wasmoon's setTimeout adds a function to the table on every call): every
  // HOOK_EVERY instructions it checks the run's deadline and its instruction budget. The error it raises is a host
  // object (userdata), which the prelude's pcall and xpcall pass on, so a script cannot swallow it.
  const HOOK_EVERY = Math.max(1, Math.min(1000, maxInstructions));
  let deadline = 0;
  let budget = 0;
  const raise = message => {
    global.pushValue(new LuaTimeoutError(message));
    global.lua.lua_error(global.address);
  };
  const hook = global.lua.module.addFunction(() => {
    budget -= HOOK_EVERY;
    if (Date.now() > deadline) raise('thread timeout exceeded');
    else if (budget < 0) raise('instruction limit exceeded (' + maxInstructions + ')');
  }, 'vii');
  const ids = new Map();
  let nextId = 1;

  const bounded = run => {
    deadline = Date.now() + timeoutMs;
    budget = maxInstructions;
    global.lua.lua_sethook(global.address, hook, LuaEventMasks.Count, HOOK_EVERY);
    global.setMemoryMax(global.getMemoryUsed() + memoryBytes);
    try {
      return run();
    } finally {
      global.setMemoryMax(undefined);
      global.lua.lua_sethook(global.address, 0, 0, 0);
    }
  };

  const compiled = script => {
    const known = ids.get(script);
    if (known !== undefined) return known;
    if (ids.size >= maxCompiled) {
      ids.clear();
      engine.doStringSync('__gitops_forget()');
    }
    const id = nextId++;
    global.set('__gitops_source', script);
    const error = bounded(() =>
      engine.doStringSync('local s = __gitops_source; __gitops_source = nil; return __gitops_compile(' + id + ', s)'),
    );
    if (typeof error === 'string') return { error };
    ids.set(script, id);
    return id;
  };

  const evaluate = ({ script, obj }) => {
    try {
      const id = compiled(script);
      if (typeof id !== 'number') return id;
      global.set('__gitops_obj', obj);
      const outcome = bounded(() => engine.doStringSync('return __gitops_run(' + id + ')'));
      return typeof outcome === 'object' && outcome !== null ? outcome : { error: 'the sandbox returned nothing' };
    } catch (error) {
      global.set('__gitops_obj', undefined);
      return { error: error && error.message ? error.message : String(error) };
    }
  };

  port.on('message', request => {
    port.postMessage(evaluate(request));
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  parentPort.postMessage('ready');
})().catch(error => {
  parentPort.postMessage({ failed: error && error.message ? error.message : String(error) });
});
`;
