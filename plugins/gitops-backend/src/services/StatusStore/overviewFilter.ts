import {
  healthSeverity,
  ObjectStatus,
  OverviewQuery,
} from '@gitops-portal/plugin-gitops-common';

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/** Whether an object passes the overview filters other than team and entityRef. */
export function matchesOverview(object: ObjectStatus, query: OverviewQuery) {
  if (query.cluster && object.cluster !== query.cluster) return false;
  if (query.environment && object.environment !== query.environment) {
    return false;
  }
  if (query.engine && object.engine !== query.engine) return false;
  if (query.health?.length && !query.health.includes(object.health.status)) {
    return false;
  }
  if (query.sync?.length && !query.sync.includes(object.sync)) return false;
  if (query.q) {
    const needle = lower(query.q);
    const haystack = [
      object.name,
      object.namespace ?? '',
      object.kind,
      ...object.entityRefs,
    ];
    if (!haystack.some(text => lower(text).includes(needle))) return false;
  }
  return true;
}

/** Broken now first, then a stable order by key. */
export function compareObjects(
  a: Pick<ObjectStatus, 'health' | 'key'>,
  b: Pick<ObjectStatus, 'health' | 'key'>,
) {
  return (
    healthSeverity(b.health.status) - healthSeverity(a.health.status) ||
    a.key.localeCompare(b.key)
  );
}
