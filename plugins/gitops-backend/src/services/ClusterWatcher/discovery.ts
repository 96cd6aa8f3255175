import { KubeClient } from '../KubeClient';
import { KindSpec, ResolvedKind } from './kinds';

interface GroupVersions {
  preferred?: string;
  versions: string[];
}

/** The core group: served at `/api/v1`, never listed under `/apis`. */
const CORE_GROUP: GroupVersions = { preferred: 'v1', versions: ['v1'] };

/**
 * Which of the wanted kinds the cluster serves, read from legacy discovery
 * (`/apis`, then `/apis/<group>/<version>` for the groups we need, `/api/v1` for the core group).
 */
export async function discoverKinds(
  client: KubeClient,
  wanted: KindSpec[],
  signal?: AbortSignal,
): Promise<ResolvedKind[]> {
  const apis = await client.getJson('/apis', undefined, signal);
  const groups = new Map<string, GroupVersions>([['', CORE_GROUP]]);
  for (const group of (apis.groups as any[]) ?? []) {
    if (typeof group?.name !== 'string') continue;
    groups.set(group.name, {
      preferred: group.preferredVersion?.version,
      versions: ((group.versions as any[]) ?? [])
        .map(v => v?.version)
        .filter((v): v is string => typeof v === 'string'),
    });
  }

  const resources = new Map<string, Set<string>>();
  async function pluralsOf(group: string, version: string) {
    const id = `${group}/${version}`;
    let plurals = resources.get(id);
    if (!plurals) {
      const path = group ? `/apis/${id}` : `/api/${version}`;
      const list = await client.getJson(path, undefined, signal);
      plurals = new Set(
        ((list.resources as any[]) ?? [])
          .map(r => r?.name)
          .filter(
            (n): n is string => typeof n === 'string' && !n.includes('/'),
          ),
      );
      resources.set(id, plurals);
    }
    return plurals;
  }

  const found: ResolvedKind[] = [];
  for (const spec of wanted) {
    const served = groups.get(spec.group);
    if (!served) continue;
    const candidates = [
      ...(spec.versions ?? []),
      ...(served.preferred ? [served.preferred] : []),
      ...served.versions,
    ].filter(
      (v, i, all) => served.versions.includes(v) && all.indexOf(v) === i,
    );
    for (const version of candidates) {
      if ((await pluralsOf(spec.group, version)).has(spec.plural)) {
        found.push({ ...spec, version });
        break;
      }
    }
  }
  return found;
}
