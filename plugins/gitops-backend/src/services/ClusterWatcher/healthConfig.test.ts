import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { DEFAULT_LUA_HEALTH_LIMITS } from './customHealth/luaHealthRuntime';
import { readHealthConfig, readLuaHealthLimits } from './healthConfig';

const gitops = (health: JsonObject) => new ConfigReader({ health });

describe('readHealthConfig', () => {
  it.each<[string, ConfigReader | undefined, string]>([
    ['no gitops config', undefined, 'argocd'],
    ['no health key', new ConfigReader({}), 'argocd'],
    ['a configured namespace', gitops({ argoCdNamespace: 'gitops' }), 'gitops'],
  ])('reads the argocd-cm namespace from %s', (_name, config, namespace) => {
    expect(readHealthConfig(config).argoCdNamespace).toBe(namespace);
  });

  it('reads our scripts in the resource.customizations format', () => {
    const { scripts } = readHealthConfig(
      gitops({
        resourceCustomizations: [
          '"*.crossplane.io/*":',
          '  health.lua: |',
          '    return { status = "Healthy" }',
        ].join('\n'),
      }),
    );
    expect(Object.fromEntries(scripts ?? [])).toEqual({
      '*.crossplane.io/*': 'return { status = "Healthy" }\n',
    });
  });

  it.each([
    ['YAML that does not parse', 'a: ['],
    ['YAML that is not a map', '- a'],
  ])('stops the start on %s, naming the key', (_name, value) => {
    expect(() =>
      readHealthConfig(gitops({ resourceCustomizations: value })),
    ).toThrow(/^gitops\.health\.resourceCustomizations: /);
  });

  it.each<[string, JsonObject, object]>([
    ['no limits key', {}, DEFAULT_LUA_HEALTH_LIMITS],
    [
      'a timeout as a duration string',
      { limits: { timeout: '250ms' } },
      { ...DEFAULT_LUA_HEALTH_LIMITS, timeoutMs: 250 },
    ],
    [
      'a timeout as a duration object',
      { limits: { timeout: { seconds: 1 } } },
      { ...DEFAULT_LUA_HEALTH_LIMITS, timeoutMs: 1000 },
    ],
    [
      'memory and instructions',
      { limits: { memoryBytes: 1048576, instructions: 500000 } },
      {
        ...DEFAULT_LUA_HEALTH_LIMITS,
        memoryBytes: 1048576,
        maxInstructions: 500000,
      },
    ],
  ])('reads the Lua limits from %s', (_name, health, limits) => {
    expect(readLuaHealthLimits(gitops(health))).toEqual(limits);
    expect(readHealthConfig(gitops(health)).limits).toEqual(limits);
  });

  it.each<[string, JsonObject, RegExp]>([
    ['a zero instruction budget', { instructions: 0 }, /limits\.instructions/],
    ['a fractional memory bound', { memoryBytes: 1.5 }, /limits\.memoryBytes/],
    ['a timeout without a unit', { timeout: '100' }, /limits\.timeout/],
  ])('stops the start on %s, naming the key', (_name, limits, key) => {
    expect(() => readLuaHealthLimits(gitops({ limits }))).toThrow(key);
  });
});
