import { Health } from '@gitops-portal/plugin-gitops-common';
import { createLuaHealthRuntime, LuaHealthRuntime } from './luaHealthRuntime';

/** A Certificate-like object; our own fixture. */
const certificate = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name: 'web', namespace: 'shop', annotations: null },
  status: {
    conditions: [
      null,
      { type: 'Ready', status: 'False', message: 'Issuer not ready' },
    ],
    replicas: 3,
  },
};

/** Argo CD's documented shape: `obj` in, a table with status and message out. */
const readyScript = `
local result = { status = "Progressing", message = "Certificate not issued yet" }
for _, c in ipairs((obj.status or {}).conditions or {}) do
  if c.type == "Ready" and c.status == "False" then
    result = { status = "Degraded", message = c.message }
  end
end
return result
`;

let runtime: LuaHealthRuntime;
beforeAll(async () => {
  runtime = await createLuaHealthRuntime({
    timeoutMs: 50,
    memoryBytes: 2 * 1024 * 1024,
    // No instruction budget: which of the two limits ends an endless loop first depends on how fast the machine
    // is, so these tests see the time limit alone (the instruction limit has its own suite below).
    maxInstructions: Number.MAX_SAFE_INTEGER,
  });
});
afterAll(() => runtime.close());

describe('LuaHealthRuntime contract', () => {
  it.each<[string, string, Health]>([
    [
      'reads obj and returns hs (nulls in lists skipped)',
      readyScript,
      { status: 'Degraded', message: 'Issuer not ready' },
    ],
    [
      'status without message',
      'return { status = "Healthy" }',
      { status: 'Healthy' },
    ],
    [
      'numbers arrive as numbers',
      'return { status = "Healthy", message = tostring(obj.status.replicas + 1) }',
      { status: 'Healthy', message: '4' },
    ],
    [
      'a null field is nil',
      'return { status = "Healthy", message = tostring(obj.metadata.annotations) }',
      { status: 'Healthy', message: 'nil' },
    ],
    [
      'string methods work',
      'return { status = "Healthy", message = obj.metadata.name:upper() }',
      { status: 'Healthy', message: 'WEB' },
    ],
    [
      'Lua 5.1 unpack is there',
      'local a = unpack({ "Healthy" }) return { status = a }',
      { status: 'Healthy' },
    ],
  ])('%s', (_name, script, expected) => {
    expect(runtime.evaluate(script, certificate)).toEqual(expected);
  });
});

describe('LuaHealthRuntime garbage', () => {
  it.each<[string, string, string]>([
    [
      'a runtime error',
      'return { status = obj.spec.missing }',
      "Health script failed: health.lua:1: attempt to index a nil value (field 'spec')",
    ],
    [
      'a syntax error',
      'return {',
      'Health script failed: health.lua:1: unexpected symbol near <eof>',
    ],
    [
      'a string',
      'return "Healthy"',
      'expect table output from Lua script, not string',
    ],
    ['nothing', 'local x = 1', 'expect table output from Lua script, not nil'],
    [
      'an empty table',
      'return {}',
      'json: cannot unmarshal array into Go value of type health.HealthStatus',
    ],
    [
      'an invalid status',
      'return { status = "Fine" }',
      'Lua returned an invalid health status',
    ],
    [
      'a number status',
      'return { status = 1 }',
      'Lua returned an invalid health status',
    ],
    [
      'a table message',
      'return { status = "Healthy", message = {} }',
      'Lua returned a message that is not a string (table)',
    ],
  ])('%s is Unknown with the reason', (_name, script, message) => {
    expect(runtime.evaluate(script, certificate)).toEqual({
      status: 'Unknown',
      message,
    });
  });
});

describe('LuaHealthRuntime limits', () => {
  it.each<[string, string, RegExp]>([
    ['an endless loop', 'while true do end', /timeout/],
    [
      'an endless loop around pcall',
      'while true do pcall(function() while true do end end) end',
      /timeout/,
    ],
    [
      'xpcall swallowing errors',
      'while true do xpcall(function() while true do end end, function() return "ok" end) end',
      /timeout/,
    ],
    [
      'a huge string',
      'local s = string.rep("x", 64 * 1024 * 1024) return { status = "Healthy" }',
      /not enough memory/,
    ],
    [
      'doubling a string forever',
      'local s = "x" while true do s = s .. s end',
      /not enough memory/,
    ],
    [
      'endless recursion',
      'local function f() return 1 + f() end return f()',
      /stack overflow|not enough memory|timeout/,
    ],
  ])('%s ends as Unknown', (_name, script, message) => {
    const result = runtime.evaluate(script, certificate);
    expect(result.status).toBe('Unknown');
    expect(result.message).toMatch(message);
  });

  it('ends a run stuck inside one C call (a pattern the hook cannot interrupt), then starts again', async () => {
    const stuck = runtime.evaluate(
      'local s = string.rep("a", 20000) return { status = "Healthy", message = tostring(s:find(".-.-.-.-.-b")) }',
      certificate,
    );
    expect(stuck).toEqual({
      status: 'Unknown',
      message: 'Health script failed: the script did not stop within 250 ms',
    });
    let after = runtime.evaluate('return { status = "Healthy" }', {});
    for (
      let attempt = 0;
      attempt < 100 && after.status !== 'Healthy';
      attempt++
    ) {
      expect(after.message).toMatch(/restarting/);
      await new Promise(resolve => setTimeout(resolve, 50));
      after = runtime.evaluate('return { status = "Healthy" }', {});
    }
    expect(after).toEqual({ status: 'Healthy' });
  });

  it('skips a script that ran out of time, until it changes', () => {
    const endless = 'local n = 0 while true do n = n + 1 end';
    expect(runtime.evaluate(endless, certificate).message).toMatch(/timeout/);
    expect(runtime.evaluate(endless, {}).message).toMatch(
      /^Health script failed: skipped: it ran out of time on another object/,
    );
    expect(
      runtime.evaluate(`${endless} -- fixed`, certificate).message,
    ).toMatch(/timeout/);
  });

  it('keeps working after a script hit a limit', () => {
    runtime.evaluate('while true do local x = 1 end', certificate);
    expect(runtime.evaluate('return { status = "Healthy" }', {})).toEqual({
      status: 'Healthy',
    });
  });
});

describe('LuaHealthRuntime sandbox', () => {
  it.each([
    'io',
    'os',
    'require',
    'load',
    'loadstring',
    'dofile',
    'loadfile',
    'debug',
    'package',
    'print',
    'collectgarbage',
    'coroutine',
  ])('%s is not reachable', name => {
    expect(
      runtime.evaluate(
        `return { status = "Healthy", message = type(${name}) }`,
        {},
      ),
    ).toEqual({ status: 'Healthy', message: 'nil' });
  });

  it('string.dump is not reachable', () => {
    expect(
      runtime.evaluate(
        'return { status = "Healthy", message = type(string.dump) }',
        {},
      ),
    ).toEqual({ status: 'Healthy', message: 'nil' });
  });

  it('a global one run sets is not seen by the next', () => {
    runtime.evaluate('leaked = "yes" return { status = "Healthy" }', {});
    expect(
      runtime.evaluate(
        'return { status = "Healthy", message = tostring(leaked) }',
        {},
      ),
    ).toEqual({ status: 'Healthy', message: 'nil' });
  });

  it('a library change one run makes is not seen by the next', () => {
    runtime.evaluate(
      'string.upper = function() return "hacked" end return { status = "Healthy" }',
      {},
    );
    expect(
      runtime.evaluate(
        'return { status = "Healthy", message = ("a"):upper() }',
        {},
      ),
    ).toEqual({ status: 'Healthy', message: 'A' });
  });

  it('the string metatable is locked', () => {
    expect(
      runtime.evaluate(
        'return { status = "Healthy", message = tostring(getmetatable("")) }',
        {},
      ),
    ).toEqual({ status: 'Healthy', message: 'false' });
  });

  it('finalizers cannot be set', () => {
    expect(
      runtime.evaluate(
        'setmetatable({}, { __gc = function() while true do end end }) return { status = "Healthy" }',
        {},
      ).message,
    ).toMatch(/__gc metamethods are not allowed/);
  });
});

describe('LuaHealthRuntime instruction limit', () => {
  let counted: LuaHealthRuntime;
  beforeAll(async () => {
    // A generous time limit: only the instruction budget can end these runs.
    counted = await createLuaHealthRuntime({
      timeoutMs: 5_000,
      memoryBytes: 2 * 1024 * 1024,
      maxInstructions: 50_000,
    });
  });
  afterAll(() => counted.close());

  it.each<[string, string, Health]>([
    [
      'a loop within the budget',
      'local n = 0 for i = 1, 1000 do n = n + i end return { status = "Healthy", message = tostring(n) }',
      { status: 'Healthy', message: '500500' },
    ],
    [
      'a loop past the budget',
      'local n = 0 for i = 1, 1000000 do n = n + i end return { status = "Healthy" }',
      {
        status: 'Unknown',
        message: 'Health script failed: instruction limit exceeded (50000)',
      },
    ],
    [
      'an endless loop around pcall',
      'while true do pcall(function() while true do end end) end',
      {
        status: 'Unknown',
        message: 'Health script failed: instruction limit exceeded (50000)',
      },
    ],
  ])('%s', (_name, script, expected) => {
    expect(counted.evaluate(script, certificate)).toEqual(expected);
  });
});
