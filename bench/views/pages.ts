/**
 * The pages bench/views loads, and one measured cold load of a page: when the page's content is in the DOM (a
 * MutationObserver installed before any script runs records the first moment `count` elements match `selector`),
 * its first contentful paint, and the bytes and requests of the load until network idle.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { objectKey } from '@gitops-portal/plugin-gitops-common';
import { DIFF_ENVIRONMENT, DIFF_RESOURCES, DIFF_SERVICE } from './diffFixture';
import { SERVICES, serviceName, TEAM, TEAM_REF } from './fixtures';

/** A moment of a load: the first time `count` elements match `selector`. */
interface Milestone {
  selector: string;
  count: number;
}

export interface BenchPage {
  name: string;
  path: string;
  /** The page shows what it is for; absent: its first contentful paint is the figure. */
  ready?: Milestone;
  /** Everything is in the DOM (a long table may show its first screenful before the rest). */
  complete?: Milestone;
  /** Our view is mounted (its loading state or content): what came before is the stock shell and entity page. */
  mounted?: Milestone;
  /** Entity pages: the stock entity page has loaded the entity (what it waits for before it mounts any tab). */
  entityLoaded?: Milestone;
  /** Clicked as soon as it can be (the live diff is opened from the entity tab). */
  click?: (page: Page) => Promise<void>;
  /** `false`: measured for comparison only, not counted in the 0.3 s goal. */
  goal?: false;
}

const ROW = '[data-testid="team-row"]';
/** A screenful of the team table (about 20 rows fit a 1280×720 viewport): what a person sees first. */
const FIRST_ROWS = { selector: ROW, count: Math.min(20, SERVICES) };
const ALL_ROWS = { selector: ROW, count: SERVICES };
const TEAM_MOUNTED = {
  selector: `[aria-label="Loading team status"], ${ROW}`,
  count: 1,
};
const TAB_MOUNTED = {
  selector:
    '[aria-label="Loading the promotion pipeline"], [aria-label="Promotion pipeline"]',
  count: 1,
};

/**
 * The stock entity page's header shows its favourite button only once the entity has loaded, when it also renders
 * the tabs (`EntityHeaderBui` in @backstage/plugin-catalog's alpha entity page).
 */
const ENTITY_LOADED = {
  selector:
    'button[aria-label="Add to favorites"], button[aria-label="Remove from favorites"]',
  count: 1,
};

const DIFF_READY = {
  selector: 'section[aria-label^="Diff of ConfigMap"]',
  count: DIFF_RESOURCES,
};
/** The ObjectStatus key of the compared Application. */
export const DIFF_OBJECT_KEY = objectKey({
  cluster: DIFF_ENVIRONMENT,
  apiGroup: 'argoproj.io',
  kind: 'Application',
  namespace: 'argocd',
  name: `${DIFF_SERVICE}-${DIFF_ENVIRONMENT}`,
});

/**
 * `BENCH_LATENCY_MS=80`: every request of a load waits this long before its answer (Chromium's network emulation),
 * as for a user whose backend is a network away; 0 (the default): the bench's local backend answers at once.
 */
export const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);

/** `BENCH_PAGES=a,b`: only these pages (an older build has no `liveDiff` link); the catalog is always loaded. */
const ONLY = process.env.BENCH_PAGES?.split(',').filter(Boolean);

const ALL_PAGES: BenchPage[] = [
  // The stock Backstage catalog page: the shell every page shares.
  { name: 'catalog', path: '/catalog' },
  {
    name: 'teamOverview',
    path: `/gitops?team=${encodeURIComponent(TEAM_REF)}`,
    ready: FIRST_ROWS,
    complete: ALL_ROWS,
    mounted: TEAM_MOUNTED,
  },
  {
    name: 'teamPage',
    path: `/catalog/default/group/${TEAM}/gitops`,
    ready: FIRST_ROWS,
    complete: ALL_ROWS,
    mounted: TEAM_MOUNTED,
    entityLoaded: ENTITY_LOADED,
  },
  {
    name: 'entityPipeline',
    path: `/catalog/default/component/${serviceName(1)}/gitops`,
    ready: {
      selector:
        '[aria-label="Promotion pipeline"] [aria-label^="Environment "]',
      count: 3,
    },
    mounted: TAB_MOUNTED,
    entityLoaded: ENTITY_LOADED,
  },
  // The live diff opened by its link (`?diff=<object key>`, what the pipeline's and the environments' rows link to).
  {
    name: 'liveDiff',
    path: `/catalog/default/component/${DIFF_SERVICE}/gitops?diff=${encodeURIComponent(
      DIFF_OBJECT_KEY,
    )}`,
    ready: DIFF_READY,
    mounted: TAB_MOUNTED,
    entityLoaded: ENTITY_LOADED,
  },
  // The same diff opened by a click on "Show live diff" as soon as the button shows: for comparison (the goal's
  // live diff is the one opened by its link).
  {
    name: 'liveDiffClick',
    path: `/catalog/default/component/${DIFF_SERVICE}/gitops`,
    ready: DIFF_READY,
    mounted: TAB_MOUNTED,
    entityLoaded: ENTITY_LOADED,
    goal: false,
    click: page =>
      page
        .getByRole('button', {
          name: `Show live diff of Application ${DIFF_SERVICE}-${DIFF_ENVIRONMENT} in ${DIFF_ENVIRONMENT}`,
        })
        .click({ timeout: 120_000 }),
  },
];

export const PAGES = ALL_PAGES.filter(
  ({ name }) => !ONLY || name === 'catalog' || ONLY.includes(name),
);

type Times = {
  benchMs?: Record<string, number>;
  benchClickMs?: number;
  /** When a loading indicator (a Suspense fallback, a view loading) was added, until the milestones are reached. */
  benchLoadingMs?: number[];
};

/** Runs in the page before its scripts: records when each milestone is first reached, and the first click. */
function watchMilestones(milestones: Record<string, Milestone>) {
  const w = window as unknown as Times;
  const times: Record<string, number> = {};
  w.benchMs = times;
  addEventListener(
    'click',
    () => {
      w.benchClickMs ??= performance.now();
    },
    { capture: true },
  );
  const pending = Object.entries(milestones);
  if (pending.length === 0) return;
  // A progress bar, or Backstage's `Progress` in its first 250 ms (hidden, but in the DOM): a Suspense fallback.
  const LOADING = '[role="progressbar"], [data-testid="progress"]';
  const loading: number[] = [];
  w.benchLoadingMs = loading;
  const observer = new MutationObserver(records => {
    const added = records.flatMap(r => [...r.addedNodes]);
    if (
      added.some(
        node =>
          node instanceof Element &&
          (node.matches(LOADING) || node.querySelector(LOADING)),
      )
    ) {
      loading.push(performance.now());
    }
    for (const [name, { selector, count }] of pending) {
      if (times[name] !== undefined) continue;
      if (document.querySelectorAll(selector).length >= count) {
        times[name] = performance.now();
      }
    }
    if (pending.every(([name]) => times[name] !== undefined)) {
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** One cold load (fresh context: empty HTTP cache, signed in through the storage state). */
export async function measure(
  browser: Browser,
  baseUrl: string,
  storageState: StorageState,
  target: BenchPage,
  options: { profile?: boolean } = {},
) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (options.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (LATENCY_MS > 0) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  const milestones: Record<string, Milestone> = {
    ...(target.ready ? { ready: target.ready } : {}),
    ...(target.complete ? { complete: target.complete } : {}),
    ...(target.mounted ? { mounted: target.mounted } : {}),
    ...(target.entityLoaded ? { entityLoaded: target.entityLoaded } : {}),
  };
  await page.addInitScript(watchMilestones, milestones);
  let bytes = 0;
  let requests = 0;
  const sizes: Promise<void>[] = [];
  const urls: string[] = [];
  page.on('requestfinished', request => {
    sizes.push(
      request
        .sizes()
        .then(size => {
          const total = size.responseBodySize + size.responseHeadersSize;
          bytes += total;
          requests += 1;
          urls.push(`${total}\t${request.method()} ${request.url()}`);
        })
        .catch(() => undefined),
    );
  });
  await page.goto(target.path);
  await target.click?.(page);
  await page.waitForFunction(
    names =>
      names.length > 0
        ? names.every(n => (window as Times).benchMs?.[n] !== undefined)
        : performance.getEntriesByName('first-contentful-paint').length > 0,
    Object.keys(milestones),
    { timeout: 120_000 },
  );
  const { timeline, ...timings } = await page.evaluate(() => {
    const w = window as Times;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const fcp = paint?.startTime ?? NaN;
    // Where the time went (BENCH_LOG_REQUESTS=1): each resource's start and end, and the page's own moments.
    const moments = [
      ...performance
        .getEntriesByType('resource')
        .map(e => ({ at: e.startTime, end: e.responseEnd, what: e.name })),
      { at: fcp, end: fcp, what: 'first-contentful-paint' },
      ...Object.entries(w.benchMs ?? {}).map(([what, at]) => ({
        at,
        end: at,
        what,
      })),
      ...(w.benchLoadingMs ?? []).map(at => ({
        at,
        end: at,
        what: 'loading indicator added',
      })),
    ].sort((a, b) => a.at - b.at);
    return {
      firstContentfulPaintMs: fcp,
      readyMs: w.benchMs?.ready ?? fcp,
      completeMs: w.benchMs?.complete,
      mountedMs: w.benchMs?.mounted,
      entityLoadedMs: w.benchMs?.entityLoaded,
      clickMs: w.benchClickMs,
      timeline: moments.map(
        m => `${Math.round(m.at)}–${Math.round(m.end)} ms\t${m.what}`,
      ),
    };
  });
  // The profile's clock (µs) against the page's: its end is the page's `performance.now()` read just before.
  const profile = options.profile
    ? {
        endsAtPageMs: await page.evaluate(() => performance.now()),
        ...(await cdp.send('Profiler.stop')).profile,
      }
    : undefined;
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await Promise.all(sizes);
  await context.close();
  return { ...timings, bytes, requests, urls, timeline, profile };
}
