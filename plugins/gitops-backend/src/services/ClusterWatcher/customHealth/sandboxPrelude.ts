/**
 * Lua run once in a fresh state before any script. It keeps what it needs (`load`, `pcall`, `debug.setupvalue`,
 * `collectgarbage`) in locals, removes every global a script could reach the host or other scripts through, and
 * defines the two entry points the runtime calls:
 *
 * - `__gitops_compile(id, source)`: compiles a script once (text only: no precompiled bytecode) and keeps it by id;
 *   returns an error text or nil.
 * - `__gitops_run(id)`: runs a compiled script with a fresh environment holding only safe functions and `obj` (the
 *   global `__gitops_obj`, set by the runtime just before), and describes what it returned in plain fields
 *   (`error` | `type`, `empty`, `status`, `message`).
 *
 * Each run gets its own environment table, so a global one script sets is never seen by the next; the library
 * tables are copied per run for the same reason, and the string metatable is locked.
 */
export const SANDBOX_PRELUDE = `
local load, pcall, type, next, tostring, setmetatable, getmetatable, error, rawget =
  load, pcall, type, next, tostring, setmetatable, getmetatable, error, rawget
local setupvalue = debug.setupvalue
local collect = collectgarbage
local compiled = {}

local function copy(t)
  local out = {}
  for k, v in next, t do out[k] = v end
  return out
end

local libs = { string = copy(string), table = copy(table), math = copy(math) }
libs.string.dump = nil

-- getmetatable("") must not hand out the shared string metatable (it could change string methods for every script).
getmetatable("").__metatable = false

local base = {
  "assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget", "rawlen", "rawset",
  "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type", "xpcall",
}
local safe = {}
for _, name in ipairs(base) do safe[name] = _G[name] end

-- The runtime's deadline raises a host error (userdata: a script cannot make one). A script's own pcall must not
-- swallow it, or a loop around pcall would never end.
local function passDeadline(ok, ...)
  if not ok and type((...)) == "userdata" then error((...), 0) end
  return ok, ...
end
safe.pcall = function(f, ...) return passDeadline(pcall(f, ...)) end
local xpcall = xpcall
safe.xpcall = function(f, handler, ...)
  return passDeadline(xpcall(f, function(e)
    if type(e) == "userdata" then return e end
    return handler(e)
  end, ...))
end
-- Finalizers would run later, outside the script's time limit.
safe.setmetatable = function(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then error("__gc metamethods are not allowed", 2) end
  return setmetatable(t, mt)
end

local function environment(obj)
  local env = {}
  for k, v in next, safe do env[k] = v end
  for name, lib in next, libs do env[name] = copy(lib) end
  env.unpack = libs.table.unpack -- Lua 5.1 (Argo CD's gopher-lua) has unpack as a global
  env._G = env
  env.obj = obj
  return env
end

function __gitops_compile(id, source)
  local fn, err = load(source, "=health.lua", "t", {})
  if not fn then return tostring(err) end
  compiled[id] = fn
  return nil
end

function __gitops_forget()
  compiled = {}
  collect()
end

function __gitops_run(id)
  local fn = compiled[id]
  local obj = __gitops_obj
  __gitops_obj = nil
  if not fn then return { error = "script not compiled" } end
  setupvalue(fn, 1, environment(obj))
  local ok, result = pcall(fn)
  setupvalue(fn, 1, {})
  if not ok then return { error = tostring(result) } end
  local kind = type(result)
  if kind ~= "table" then return { type = kind } end
  local status, message = rawget(result, "status"), rawget(result, "message")
  local out = { type = "table", empty = next(result) == nil }
  if type(status) == "string" then out.status = status end
  if type(message) == "string" then out.message = message elseif message ~= nil then out.messageType = type(message) end
  return out
end

-- Nothing else may reach the host, load code or escape the per-run environment.
for _, name in ipairs({
  "load", "loadstring", "dofile", "loadfile", "require", "print", "collectgarbage", "debug", "os", "io",
  "package", "coroutine", "utf8",
}) do _G[name] = nil end
`;
