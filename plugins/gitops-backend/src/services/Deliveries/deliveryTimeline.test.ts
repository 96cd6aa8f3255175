import type {
  ObjectStatus,
  SyncedSource,
} from '@gitops-portal/plugin-gitops-common';
import type { HistoryEntry } from '@gitops-portal/plugin-gitops-common';
import { deliveryEnvironments } from './deliveryTimeline';

const MERGED = 'c'.repeat(40);
/** A commit of another Git repo that the fake ancestry says contains the merge (a real one never would). */
const APP_REPO_SHA = 'a'.repeat(40);
const BASE = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(BASE + seconds * 1000).toISOString();

const CHART: SyncedSource = {
  repoURL: 'https://charts.example.org',
  chart: 'web',
  revision: '1.2.3',
};
const VALUES: SyncedSource = {
  repoURL: 'git@github.com:acme/config.git',
  ref: 'values',
  revision: MERGED,
};
const APP_REPO: SyncedSource = {
  repoURL: 'https://github.com/acme/app',
  path: 'deploy',
  revision: APP_REPO_SHA,
};

function application(sources?: SyncedSource[]): ObjectStatus {
  return {
    key: 'prod/argoproj.io/Application/argocd/shop',
    engine: 'argocd',
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    cluster: 'prod',
    namespace: 'argocd',
    name: 'shop',
    entityRefs: ['component:default/shop'],
    sync: 'OutOfSync',
    health: { status: 'Progressing' },
    revision: sources?.[0]?.revision,
    ...(sources ? { sources } : {}),
    conditions: [],
    suspended: false,
    observedAt: at(60),
  };
}

/** A history row: Synced and Healthy at `seconds`, at these revisions (`revisions` only where recorded). */
function row(
  seconds: number,
  revision: string,
  revisions?: string[],
): HistoryEntry {
  return {
    id: String(seconds),
    key: 'prod/argoproj.io/Application/argocd/shop',
    cluster: 'prod',
    kind: 'Application',
    name: 'shop',
    from: {},
    to: {
      sync: 'Synced',
      health: 'Healthy',
      revision,
      ...(revisions ? { revisions } : {}),
    },
    at: at(seconds),
  };
}

async function syncedAt(object: ObjectStatus, history: HistoryEntry[]) {
  const [environment] = await deliveryEnvironments({
    objects: [object],
    history,
    contains: async revision =>
      revision === MERGED || revision === APP_REPO_SHA,
    isChangedRepo: url => url.includes('acme/config'),
    changedEnvironment: () => true,
    environments: ['prod'],
  });
  const [target] = environment.targets;
  return [target.syncedAt, target.syncedRevision];
}

describe('deliveryEnvironments of a multi-source Application', () => {
  it.each<[string, SyncedSource[], HistoryEntry[], unknown[]]>([
    [
      'judges the values source in the changed repo, not the chart version',
      [CHART, VALUES],
      [row(5, '1.2.3', ['1.2.3', 'old']), row(9, '1.2.3', ['1.2.3', MERGED])],
      [at(9), MERGED],
    ],
    [
      'ignores a source in another repo, whatever its revision',
      [APP_REPO, VALUES],
      [
        row(5, APP_REPO_SHA, [APP_REPO_SHA, 'old']),
        row(9, APP_REPO_SHA, [APP_REPO_SHA, MERGED]),
      ],
      [at(9), MERGED],
    ],
    [
      'tries the first revision of rows recorded before revisions were kept',
      [{ ...VALUES }, CHART],
      [row(5, MERGED)],
      [at(5), MERGED],
    ],
    [
      'tries every revision when no source names the changed repo',
      [CHART, { ...VALUES, repoURL: 'https://mirror.example.org/config' }],
      [row(9, '1.2.3', ['1.2.3', MERGED])],
      [at(9), MERGED],
    ],
  ])('%s', async (_name, sources, history, expected) => {
    expect(await syncedAt(application(sources), history)).toEqual(expected);
  });

  it('judges the current status by the same source when history has no row', async () => {
    const current = {
      ...application([CHART, VALUES]),
      sync: 'Synced' as const,
    };
    expect(await syncedAt(current, [])).toEqual([at(60), MERGED]);
  });

  it('leaves a single-source Application judged by its revision', async () => {
    expect(
      await syncedAt(application(), [row(5, 'old'), row(9, MERGED)]),
    ).toEqual([at(9), MERGED]);
  });
});
