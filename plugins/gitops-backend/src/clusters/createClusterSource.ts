import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogUrlProblem } from './catalogUrlPolicy';
import { readCatalogClusters } from './readCatalogClusters';
import { resolveClusters } from './resolveClusters';
import { toClusterConfig } from './toClusterConfig';
import {
  ClusterConfig,
  ClusterEntry,
  ClusterSetChange,
  ClusterSettings,
  ClusterSource,
  SkippedCluster,
} from './types';

interface Current {
  entry: ClusterEntry;
  /** What a watcher depends on: a change restarts the cluster's watcher. Held in memory only, never logged. */
  fingerprint: string;
  config: ClusterConfig;
}

const fingerprintOf = ({ origin: _origin, ...entry }: ClusterEntry) =>
  JSON.stringify(entry, Object.keys(entry).sort());

const current = (entry: ClusterEntry): Current => ({
  entry,
  fingerprint: fingerprintOf(entry),
  config: toClusterConfig(entry),
});

/**
 * The cluster set from `kubernetes.clusterLocatorMethods` (types config and catalog) and `gitops.clusters`
 * (`resolveClusters` says how they combine). With a catalog locator, `refresh` re-reads the catalog: clusters added
 * there are added, removed ones removed, changed ones removed and added again. A catalog entity that turns bad
 * (missing annotation, unusable authProvider, refused URL) keeps its cluster's last good settings, and every
 * problem is warned about once, naming the cluster, where it was read and why.
 */
export function createClusterSource(options: {
  settings: ClusterSettings;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: Pick<LoggerService, 'warn' | 'info'>;
  /** DNS resolution of catalog API server hosts (tests). */
  resolveHost?: (hostname: string) => Promise<string[]>;
}): ClusterSource {
  const { settings, logger } = options;
  const warned = new Set<string>();
  const listeners = new Set<(change: ClusterSetChange) => void>();

  function warnOnce({ name, origin, reason }: SkippedCluster) {
    const key = `${name}\n${origin}\n${reason}`;
    if (warned.has(key)) return;
    warned.add(key);
    logger.warn(
      `gitops: not watching cluster '${name}' (${origin}): ${reason}`,
    );
  }

  const initial = resolveClusters(settings);
  // With a catalog, a gitops.clusters entry may override a cluster the first catalog read brings: judge it then.
  if (!settings.catalog) initial.skipped.forEach(warnOnce);
  let clusters = new Map(
    initial.entries.map(entry => [entry.name, current(entry)]),
  );

  async function usable(entries: ClusterEntry[], skipped: SkippedCluster[]) {
    const out: ClusterEntry[] = [];
    for (const entry of entries) {
      const problem = entry.urlFromCatalog
        ? await catalogUrlProblem(
            entry.url!,
            settings.catalog?.allowedHosts ?? [],
            options.resolveHost,
          )
        : undefined;
      if (problem)
        skipped.push({
          name: entry.name,
          origin: entry.origin,
          reason: problem,
        });
      else out.push(entry);
    }
    return out;
  }

  async function readOnce() {
    const catalogSettings = settings.catalog!;
    let read: Awaited<ReturnType<typeof readCatalogClusters>>;
    try {
      read = await readCatalogClusters({
        ...options,
        settings: catalogSettings,
      });
    } catch (error) {
      logger.warn(
        `gitops: reading clusters from the catalog failed; keeping the ${clusters.size} current clusters: ${error}`,
      );
      return;
    }
    const resolved = resolveClusters(settings, read.entries);
    // An override of an invalid entity has nothing to override: the entity's own problem says why.
    const invalid = new Set(read.invalid.map(problem => problem.name));
    const skipped = resolved.skipped.filter(
      problem =>
        !(problem.origin.startsWith('gitops.') && invalid.has(problem.name)),
    );
    const good = await usable(resolved.entries, skipped);
    const problems = [...read.invalid, ...skipped];
    problems.forEach(warnOnce);
    const next = new Map<string, Current>();
    for (const entry of good) {
      const kept = clusters.get(entry.name);
      next.set(
        entry.name,
        kept?.fingerprint === fingerprintOf(entry) ? kept : current(entry),
      );
    }
    // A catalog cluster whose entity is still there but turned bad keeps its last good settings: bad input
    // changes nothing. One whose entity is gone is removed.
    const inCatalog = new Set(
      [...read.entries, ...read.invalid].map(entry => entry.name),
    );
    for (const { name } of problems) {
      const kept = clusters.get(name);
      if (
        !next.has(name) &&
        inCatalog.has(name) &&
        kept?.entry.source === 'catalog'
      ) {
        next.set(name, kept);
      }
    }
    const removed = [...clusters.keys()].filter(
      name => next.get(name) !== clusters.get(name),
    );
    const added = [...next.values()]
      .filter(entry => clusters.get(entry.entry.name) !== entry)
      .map(entry => entry.config);
    clusters = next;
    if (added.length === 0 && removed.length === 0) return;
    logger.info(
      `gitops: clusters changed: added [${added
        .map(c => c.name)
        .join(', ')}], removed [${removed.join(', ')}]`,
    );
    for (const listener of listeners) listener({ added, removed });
  }

  let refreshing: Promise<void> = Promise.resolve();
  return {
    dynamic: settings.catalog !== undefined,
    refreshIntervalMs: settings.catalog?.refreshIntervalMs,
    clusters: () => [...clusters.values()].map(entry => entry.config),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      if (!settings.catalog) return Promise.resolve();
      // One read at a time: a slow catalog never has two reads racing to set the clusters.
      refreshing = refreshing.then(readOnce);
      return refreshing;
    },
  };
}
