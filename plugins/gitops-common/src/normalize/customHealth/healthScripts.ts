import { parse } from 'yaml';
import { isRecord } from '../raw';

/**
 * Custom health scripts by Argo CD's resource key: `<group>/<Kind>`, or `<Kind>` for the core group (argo-cd
 * util/lua `GetConfigMapKey`). A key may hold `*` wildcards (`*.crossplane.io/*`).
 *
 * @public
 */
export type HealthScripts = ReadonlyMap<string, string>;

/**
 * The `argocd-cm` key holding the YAML map of resource customizations (the only place wildcards can be written).
 *
 * @public
 */
export const RESOURCE_CUSTOMIZATIONS_KEY = 'resource.customizations';
/**
 * Prefix of the split keys `resource.customizations.health.<group>_<kind>` (or `...health.<kind>` for core).
 *
 * @public
 */
export const HEALTH_CUSTOMIZATION_PREFIX = 'resource.customizations.health.';

/**
 * The resource key of a group and kind, as Argo CD writes it.
 *
 * @public
 */
export function healthScriptKey(group: string, kind: string): string {
  return group ? `${group}/${kind}` : kind;
}

/**
 * `<group>_<kind>` (or `<kind>`) of a split key as a resource key. Groups and kinds hold no `_`, so more than one
 * is not a key Argo CD reads either.
 */
function splitKeyToResourceKey(groupKind: string): string | undefined {
  const parts = groupKind.split('_');
  if (parts.length === 2 && parts[0] && parts[1])
    return `${parts[0]}/${parts[1]}`;
  if (parts.length === 1 && parts[0]) return parts[0];
  return undefined;
}

/**
 * What reading a set of scripts found: the scripts and what could not be read (never the script text).
 *
 * @public
 */
export interface HealthScriptsResult {
  scripts: Map<string, string>;
  /** One line per unreadable entry, naming the key. */
  errors: string[];
}

/**
 * The health scripts of an `argocd-cm` ConfigMap's `data`: the `resource.customizations` YAML map
 * (`<key>: { health.lua: ... }`, wildcards allowed) and the split keys `resource.customizations.health.<group>_<kind>`,
 * which win over the map for the same resource, as Argo CD merges them. Empty scripts are left out (Argo CD ignores
 * them too). Never throws.
 *
 * @public
 */
export function healthScriptsFromArgoCdConfigMap(
  data: unknown,
): HealthScriptsResult {
  const scripts = new Map<string, string>();
  const errors: string[] = [];
  if (!isRecord(data)) return { scripts, errors };
  const blob = data[RESOURCE_CUSTOMIZATIONS_KEY];
  if (typeof blob === 'string' && blob.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = parse(blob);
    } catch (error) {
      errors.push(
        `${RESOURCE_CUSTOMIZATIONS_KEY} is not valid YAML: ${
          (error as Error).message
        }`,
      );
    }
    if (isRecord(parsed)) {
      for (const [key, override] of Object.entries(parsed)) {
        const script = isRecord(override) ? override['health.lua'] : undefined;
        if (typeof script === 'string' && script.trim() !== '') {
          scripts.set(key, script);
        }
      }
    } else if (parsed !== undefined && parsed !== null) {
      errors.push(`${RESOURCE_CUSTOMIZATIONS_KEY} is not a YAML map`);
    }
  }
  for (const [dataKey, value] of Object.entries(data)) {
    if (!dataKey.startsWith(HEALTH_CUSTOMIZATION_PREFIX)) continue;
    const key = splitKeyToResourceKey(
      dataKey.slice(HEALTH_CUSTOMIZATION_PREFIX.length),
    );
    if (!key) {
      errors.push(
        `${dataKey}: expected ${HEALTH_CUSTOMIZATION_PREFIX}<group>_<kind> or ${HEALTH_CUSTOMIZATION_PREFIX}<kind>`,
      );
      continue;
    }
    if (typeof value === 'string' && value.trim() !== '') {
      scripts.set(key, value);
    }
  }
  return { scripts, errors };
}

const wildcardPatterns = new Map<string, RegExp>();

/** `*` matches any run of characters, `/` and `.` included (Argo CD's glob match of resource keys). */
function wildcardPattern(key: string): RegExp {
  let pattern = wildcardPatterns.get(key);
  if (!pattern) {
    const body = key
      .split('*')
      .map(part => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*');
    pattern = new RegExp(`^${body}$`);
    if (wildcardPatterns.size > 1000) wildcardPatterns.clear();
    wildcardPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The script for a group and kind: the exact key first, else the first wildcard key (in key order) that matches.
 * Argo CD takes the exact key first too; among several matching wildcard keys it takes any one (map order), so the
 * portal fixes an order rather than guess.
 *
 * @public
 */
export function selectHealthScript(
  scripts: HealthScripts,
  group: string,
  kind: string,
): { key: string; script: string } | undefined {
  const key = healthScriptKey(group, kind);
  const exact = scripts.get(key);
  if (exact !== undefined) return { key, script: exact };
  const wildcards = [...scripts.keys()].filter(k => k.includes('*')).sort();
  for (const candidate of wildcards) {
    if (wildcardPattern(candidate).test(key)) {
      return { key: candidate, script: scripts.get(candidate)! };
    }
  }
  return undefined;
}
