import { Config } from '@backstage/config';
import {
  HealthScripts,
  healthScriptsFromArgoCdConfigMap,
  RESOURCE_CUSTOMIZATIONS_KEY,
} from '@gitops-portal/plugin-gitops-common';
import type { LuaHealthRuntime } from './customHealth/luaHealthRuntime';

/** Argo CD's default install namespace, where its `argocd-cm` ConfigMap lives. */
export const DEFAULT_ARGOCD_NAMESPACE = 'argocd';
/** The ConfigMap Argo CD reads its settings (custom health scripts included) from. */
export const ARGOCD_CONFIG_MAP = 'argocd-cm';

/** How one cluster's health sources are set up (`gitops.health`). */
export interface ClusterHealthOptions {
  /** Namespace of the cluster's `argocd-cm`; default `argocd`. */
  argoCdNamespace?: string;
  /** The portal's own health scripts, used after the cluster's `argocd-cm` ones. */
  scripts?: HealthScripts;
  /** The Lua runtime; default one shared by the process, started on first use. */
  runtime?: () => Promise<LuaHealthRuntime>;
}

/**
 * Reads `gitops.health`. Our scripts are written as argocd-cm's `resource.customizations` value (a YAML map of
 * `<group>/<Kind>` keys, wildcards allowed, to `health.lua`), so a script moves between the two unchanged. Throws on
 * a value that does not parse: a broken script set should stop the start, not be skipped.
 */
export function readHealthConfig(
  config: Config | undefined,
): ClusterHealthOptions {
  const argoCdNamespace =
    config?.getOptionalString('health.argoCdNamespace') ??
    DEFAULT_ARGOCD_NAMESPACE;
  const customizations = config?.getOptionalString(
    'health.resourceCustomizations',
  );
  if (!customizations) return { argoCdNamespace };
  const { scripts, errors } = healthScriptsFromArgoCdConfigMap({
    [RESOURCE_CUSTOMIZATIONS_KEY]: customizations,
  });
  if (errors.length > 0) {
    throw new Error(
      `gitops.health.resourceCustomizations: ${errors.join('; ')}`,
    );
  }
  return { argoCdNamespace, scripts };
}
