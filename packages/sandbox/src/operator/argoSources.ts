/*
 * Where Argo CD writes an Application's revision: a single-source Application has one `revision` and `source`; a
 * multi-source one (`spec.sources`) has `revisions` and `sources`, one entry per source in spec order, in
 * `status.sync`, `operationState.syncResult`, `operation.sync` and each `history` entry.
 */

type Obj = Record<string, any>;

/**
 * Argo CD's resolved revision of one source: a Helm repository chart resolves to its version (`targetRevision`),
 * a Git source to the commit. The sandbox has one Git repo, the config repo, so every Git source is at `commit`.
 */
function sourceRevision(source: Obj, commit: string): string {
  return source.chart ? String(source.targetRevision ?? '') : commit;
}

const sourcesOf = (app: Obj): Obj[] | undefined =>
  Array.isArray(app.spec?.sources) && app.spec.sources.length > 0
    ? app.spec.sources
    : undefined;

/** `{ revision }`, or `{ revisions }` for a multi-source Application. */
export function argoRevisionFields(app: Obj, commit: string): Obj {
  const sources = sourcesOf(app);
  return sources
    ? { revisions: sources.map(source => sourceRevision(source, commit)) }
    : { revision: commit };
}

/** `{ source }`, or `{ sources }` for a multi-source Application. */
export function argoSourceFields(app: Obj): Obj {
  const sources = sourcesOf(app);
  return sources ? { sources } : { source: app.spec?.source };
}
