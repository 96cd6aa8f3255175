/** The figures bench/views prints: per page the medians of its runs, and each page's distance to the catalog's paint. */

interface Run {
  readyMs: number;
  completeMs?: number;
  mountedMs?: number;
  entityLoadedMs?: number;
  firstContentfulPaintMs: number;
  clickMs?: number;
  bytes: number;
  requests: number;
}

/** The lower median (an actual run's figure). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const round = (n: number) => Math.round(n);

/** The goals of issue 20 point 7. */
const ROWS_GOAL_MS = 1000;
const CATALOG_MARGIN_MS = 300;

function page(runs: Run[]) {
  const ready = runs.map(r => r.readyMs);
  const clicked = runs.filter(r => r.clickMs !== undefined);
  const complete = runs.flatMap(r =>
    r.completeMs === undefined ? [] : [r.completeMs],
  );
  const mounted = runs.flatMap(r =>
    r.mountedMs === undefined ? [] : [r.mountedMs],
  );
  const loaded = runs.flatMap(r =>
    r.entityLoadedMs === undefined ? [] : [r.entityLoadedMs],
  );
  return {
    readyMs: {
      first: round(ready[0]),
      median: round(median(ready)),
      max: round(Math.max(...ready)),
    },
    firstContentfulPaintMs: round(
      median(runs.map(r => r.firstContentfulPaintMs)),
    ),
    ...(complete.length > 0
      ? { completeMs: { median: round(median(complete)) } }
      : {}),
    ...(mounted.length > 0 ? { mountedMs: round(median(mounted)) } : {}),
    ...(loaded.length > 0
      ? {
          entityLoadedMs: round(median(loaded)),
          // Per run, then the median: what our tab adds once the stock page could show any tab.
          entityLoadedToReadyMs: round(
            median(
              runs.flatMap(r =>
                r.entityLoadedMs === undefined
                  ? []
                  : [r.readyMs - r.entityLoadedMs],
              ),
            ),
          ),
        }
      : {}),
    ...(clicked.length > 0
      ? {
          clickToReadyMs: round(
            median(clicked.map(r => r.readyMs - (r.clickMs as number))),
          ),
        }
      : {}),
    bytes: median(runs.map(r => r.bytes)),
    requests: median(runs.map(r => r.requests)),
  };
}

/**
 * Per page; `catalogFcpMs` is the stock catalog page's median first contentful paint, every goal is measured against.
 * `outsideGoal`: the pages measured for comparison only (`goal: false` in pages.ts). A goal whose page was not
 * loaded (`BENCH_PAGES`) is `null`.
 */
export function summarise(runs: Record<string, Run[]>, outsideGoal: string[]) {
  const pages = Object.fromEntries(
    Object.entries(runs).map(([name, pageRuns]) => [name, page(pageRuns)]),
  );
  const catalogFcpMs = pages.catalog.firstContentfulPaintMs;
  const overCatalogMs = Object.fromEntries(
    Object.entries(pages)
      .filter(([name]) => name !== 'catalog')
      .map(([name, figures]) => [name, figures.readyMs.median - catalogFcpMs]),
  );
  // Where the stock entity page could show any tab, against the catalog's paint: the floor of the entity pages.
  const entityLoadedOverCatalogMs = Object.fromEntries(
    Object.entries(pages).flatMap(([name, figures]) =>
      'entityLoadedMs' in figures && figures.entityLoadedMs !== undefined
        ? [[name, figures.entityLoadedMs - catalogFcpMs]]
        : [],
    ),
  );
  return {
    catalogFcpMs,
    pages,
    overCatalogMs,
    entityLoadedOverCatalogMs,
    goals: {
      teamOverviewRowsWithin1s: pages.teamOverview
        ? pages.teamOverview.readyMs.median <= ROWS_GOAL_MS
        : null,
      allWithin300msOfCatalog: Object.entries(overCatalogMs).every(
        ([name, over]) =>
          outsideGoal.includes(name) || over <= CATALOG_MARGIN_MS,
      ),
    },
  };
}
