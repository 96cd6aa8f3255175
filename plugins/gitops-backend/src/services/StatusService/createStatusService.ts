import {
  ObjectStatus,
  OverviewQuery,
  Xrd,
} from '@gitops-portal/plugin-gitops-common';
import { ClusterWatcher } from '../ClusterWatcher';
import { EntityIndex } from '../EntityIndex';
import { HistoryStore } from '../HistoryStore';
import { StatusCache } from '../StatusCache';
import { compareObjects, matchesOverview } from './overviewFilter';
import { teamSummary } from './teamSummary';
import { StatusService } from './types';

export function createStatusService(options: {
  cache: StatusCache;
  entityIndex: EntityIndex;
  watchers: ClusterWatcher[];
  history: HistoryStore;
  now?: () => number;
}): StatusService {
  const { cache, entityIndex, watchers, history } = options;
  const now = options.now ?? Date.now;
  const byName = new Map(watchers.map(watcher => [watcher.name, watcher]));

  /** Objects of a cluster without good contact keep their status, marked stale. */
  function withStale(objects: ObjectStatus[]): ObjectStatus[] {
    const staleByCluster = new Map<string, number | undefined>();
    return objects.map(object => {
      if (!staleByCluster.has(object.cluster)) {
        staleByCluster.set(
          object.cluster,
          byName.get(object.cluster)?.staleSince(),
        );
      }
      const since = staleByCluster.get(object.cluster);
      if (since === undefined) return object;
      return {
        ...object,
        stale: {
          since: new Date(since).toISOString(),
          ageSeconds: Math.max(0, Math.round((now() - since) / 1000)),
        },
      };
    });
  }

  const objectsOf = (entityRef: string) =>
    withStale(cache.byEntity(entityRef)).sort(compareObjects);

  return {
    entityObjects(entityRef) {
      const objects = objectsOf(entityRef);
      const names = new Set(objects.map(object => object.cluster));
      return {
        objects,
        clusters: watchers
          .filter(watcher => names.has(watcher.name))
          .map(watcher => watcher.state()),
      };
    },
    teamEntities: team => entityIndex.entitiesOfTeam(team),
    hasTeam: team => entityIndex.hasTeam(team),
    knowsEntity: entityRef => entityIndex.has(entityRef),
    teamStatus: (team, entityRefs) => teamSummary(team, entityRefs, objectsOf),
    overviewObjects(query: OverviewQuery) {
      let candidates: ObjectStatus[];
      if (query.entityRef) candidates = cache.byEntity(query.entityRef);
      else if (query.team) candidates = cache.byTeam(query.team);
      else candidates = cache.all();
      if (query.team && query.entityRef) {
        const owned = new Set(
          entityIndex.entitiesOfTeam(query.team).map(r => r.toLowerCase()),
        );
        if (!owned.has(query.entityRef.toLowerCase())) candidates = [];
      }
      return withStale(
        candidates.filter(object => matchesOverview(object, query)),
      ).sort(compareObjects);
    },
    history(entityRef, { since, limit }) {
      return history.query({
        entityRef,
        objectKeys: cache.byEntity(entityRef).map(object => object.key),
        since: since ? new Date(since) : undefined,
        limit,
      });
    },
    clusters: () => watchers.map(watcher => watcher.state()),
    xrds: () =>
      watchers
        .flatMap(watcher => watcher.xrds())
        .sort(
          (a: Xrd, b: Xrd) =>
            a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster),
        ),
  };
}
