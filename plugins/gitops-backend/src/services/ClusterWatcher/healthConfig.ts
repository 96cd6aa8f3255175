import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  HealthScripts,
  healthScriptsFromArgoCdConfigMap,
  RESOURCE_CUSTOMIZATIONS_KEY,
} from '@gitops-portal/plugin-gitops-common';
import {
  DEFAULT_LUA_HEALTH_LIMITS,
  LuaHealthLimits,
  LuaHealthRuntime,
  sharedLuaHealthRuntime,
} from './customHealth/luaHealthRuntime';
import { argoCdNamespaceOf } from '../../lib/argoCdConfigMap';

/** How one cluster's health sources are set up (`gitops.health`). */
export interface ClusterHealthOptions {
  /** Namespace of the cluster's `argocd-cm`; default `argocd`. */
  argoCdNamespace?: string;
  /** The portal's own health scripts, used after the cluster's `argocd-cm` ones. */
  scripts?: HealthScripts;
  /** The bounds of one script run (`gitops.health.limits`). */
  limits?: LuaHealthLimits;
  /** The Lua runtime; default one shared by the process (per set of limits), started on first use. */
  runtime?: () => Promise<LuaHealthRuntime>;
}

/** A positive integer at `key`, or the default. */
function positiveInteger(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `gitops.health.${key} must be a positive integer, not ${value}`,
    );
  }
  return value;
}

/**
 * Reads `gitops.health.limits` (`timeout`, `memoryBytes`, `instructions`), each defaulting to
 * DEFAULT_LUA_HEALTH_LIMITS.
 */
export function readLuaHealthLimits(
  config: Config | undefined,
): Required<LuaHealthLimits> {
  const health = config?.getOptionalConfig('health');
  if (!health?.has('limits')) return DEFAULT_LUA_HEALTH_LIMITS;
  const timeoutMs = health.has('limits.timeout')
    ? durationToMilliseconds(
        readDurationFromConfig(health, { key: 'limits.timeout' }),
      )
    : DEFAULT_LUA_HEALTH_LIMITS.timeoutMs;
  if (timeoutMs <= 0) {
    throw new InputError('gitops.health.limits.timeout must be above zero');
  }
  return {
    timeoutMs,
    memoryBytes: positiveInteger(
      health,
      'limits.memoryBytes',
      DEFAULT_LUA_HEALTH_LIMITS.memoryBytes,
    ),
    maxInstructions: positiveInteger(
      health,
      'limits.instructions',
      DEFAULT_LUA_HEALTH_LIMITS.maxInstructions,
    ),
  };
}

/**
 * Reads `gitops.health`. Our scripts are written as argocd-cm's `resource.customizations` value (a YAML map of
 * `<group>/<Kind>` keys, wildcards allowed, to `health.lua`), so a script moves between the two unchanged. Throws on
 * a value that does not parse: a broken script set should stop the start, not be skipped.
 */
export function readHealthConfig(
  config: Config | undefined,
): ClusterHealthOptions {
  const argoCdNamespace = argoCdNamespaceOf(config);
  const limits = readLuaHealthLimits(config);
  const runtime = () => sharedLuaHealthRuntime(limits);
  const customizations = config?.getOptionalString(
    'health.resourceCustomizations',
  );
  if (!customizations) return { argoCdNamespace, limits, runtime };
  const { scripts, errors } = healthScriptsFromArgoCdConfigMap({
    [RESOURCE_CUSTOMIZATIONS_KEY]: customizations,
  });
  if (errors.length > 0) {
    throw new Error(
      `gitops.health.resourceCustomizations: ${errors.join('; ')}`,
    );
  }
  return { argoCdNamespace, limits, runtime, scripts };
}
