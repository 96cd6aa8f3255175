import { withCredentials } from './authProviders';
import { ClusterEntry, ClusterSettings, SkippedCluster } from './types';

/** The fields a `gitops.clusters` entry sets, laid over the cluster of the same name from another source. */
function overlay(base: ClusterEntry, override: ClusterEntry): ClusterEntry {
  const set = Object.fromEntries(
    Object.entries(override).filter(
      ([key, value]) =>
        value !== undefined && key !== 'source' && key !== 'origin',
    ),
  );
  return {
    ...base,
    ...set,
    origin: `${base.origin} with ${override.origin}`,
    // A URL from app-config is trusted as such; a catalog URL must pass the catalog locator's URL policy.
    urlFromCatalog: base.source === 'catalog' && !override.url,
  };
}

/**
 * The cluster set from every source, by precedence: `kubernetes.clusterLocatorMethods` type `config`, then catalog
 * clusters (a catalog entity cannot take the name of a configured cluster: it would redirect that cluster's token),
 * then `gitops.clusters`, which adds clusters and overrides fields of a cluster of the same name. Environments come
 * from `gitops.clusters[].environment`, else `gitops.clusterEnvironments`. Clusters the portal cannot read with
 * one read-only identity are skipped, with the reason.
 */
export function resolveClusters(
  settings: ClusterSettings,
  catalog: ClusterEntry[] = [],
): { entries: ClusterEntry[]; skipped: SkippedCluster[] } {
  const skipped: SkippedCluster[] = [];
  const byName = new Map<string, ClusterEntry>();
  for (const entry of settings.kubernetes) byName.set(entry.name, entry);
  for (const entry of catalog) {
    const taken = byName.get(entry.name);
    if (taken) {
      skipped.push({
        name: entry.name,
        origin: entry.origin,
        reason: `${taken.origin} already names a cluster '${entry.name}'`,
      });
    } else {
      byName.set(entry.name, entry);
    }
  }
  for (const override of settings.gitops) {
    const base = byName.get(override.name);
    if (base) {
      byName.set(override.name, overlay(base, override));
    } else if (override.url || override.kubeconfigPath) {
      byName.set(override.name, override);
    } else {
      skipped.push({
        name: override.name,
        origin: override.origin,
        reason:
          'no url nor kubeconfigPath, and no cluster of that name in kubernetes.clusterLocatorMethods or the catalog',
      });
    }
  }
  const entries: ClusterEntry[] = [];
  for (const entry of byName.values()) {
    const resolved = withCredentials(entry, settings.inClusterTokenFile);
    if ('reason' in resolved) {
      skipped.push({
        name: entry.name,
        origin: entry.origin,
        reason: resolved.reason,
      });
      continue;
    }
    const environment =
      resolved.entry.environment ?? settings.environments[entry.name];
    entries.push({
      ...resolved.entry,
      ...(environment ? { environment } : {}),
    });
  }
  return { entries, skipped };
}
