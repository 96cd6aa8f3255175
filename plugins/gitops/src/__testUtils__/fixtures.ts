import {
  countByHealth,
  countBySync,
  type ClusterState,
  type Delivery,
  type EntityStatusResponse,
  type HistoryEntry,
  type ObjectStatus,
  type TeamStatusResponse,
  type TeamStatusRow,
} from '@gitops-portal/plugin-gitops-common';

/** The discovery base URL tests serve the backend at. */
export const BASE_URL = 'http://gitops.test/api/gitops';

export const SHOP_REF = 'component:default/shop';
export const SHA = '4f1c2a9e0b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a';

/** An Argo CD Application record; `change` overrides fields. */
export function argoApp(change: Partial<ObjectStatus> = {}): ObjectStatus {
  const clusterName = change.cluster ?? 'prod-eu';
  const name = change.name ?? 'shop';
  return {
    key: `${clusterName}/argoproj.io/Application/argocd/${name}`,
    engine: 'argocd',
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    cluster: clusterName,
    namespace: 'argocd',
    name,
    environment: 'prod',
    entityRefs: [SHOP_REF],
    sync: 'Synced',
    health: { status: 'Healthy' },
    revision: SHA,
    source: {
      repoURL: 'https://github.com/acme/shop-config.git',
      path: 'deploy/prod',
      targetRevision: 'main',
    },
    lastTransitionTime: '2025-03-01T11:00:00.000Z',
    conditions: [],
    suspended: false,
    observedAt: '2025-03-01T12:00:00.000Z',
    ...change,
  };
}

export function cluster(change: Partial<ClusterState> = {}): ClusterState {
  return {
    name: 'prod-eu',
    environment: 'prod',
    state: 'ok',
    kinds: [],
    ...change,
  };
}

export function entityStatus(
  objects: ObjectStatus[],
  clusters: ClusterState[] = [cluster()],
): EntityStatusResponse {
  return { entityRef: SHOP_REF, objects, clusters };
}

export function historyEntry(change: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'h1',
    key: 'prod-eu/argoproj.io/Application/argocd/shop',
    entityRef: SHOP_REF,
    cluster: 'prod-eu',
    environment: 'prod',
    kind: 'Application',
    namespace: 'argocd',
    name: 'shop',
    from: { sync: 'Synced', health: 'Healthy', revision: 'aaaaaaa1111' },
    to: { sync: 'OutOfSync', health: 'Progressing', revision: SHA },
    at: '2025-03-01T12:00:00.000Z',
    ...change,
  };
}

export const TEAM_REF = 'group:default/team-a';

/** A team status whose counts are derived from its rows' cells. */
export function teamStatus(rows: TeamStatusRow[]): TeamStatusResponse {
  const cells = rows.flatMap(row => Object.values(row.environments));
  return {
    team: TEAM_REF,
    counts: {
      byHealth: countByHealth(cells.map(cell => cell.health)),
      bySync: countBySync(cells.map(cell => cell.sync)),
      total: cells.length,
    },
    rows,
  };
}

/** `count` services; every 7th is Degraded/OutOfSync in prod. */
export function manyTeamRows(count: number): TeamStatusRow[] {
  return Array.from({ length: count }, (_, i) => {
    const broken = i % 7 === 0;
    return {
      entityRef: `component:default/svc-${String(i).padStart(3, '0')}`,
      environments: {
        dev: { sync: 'Synced', health: 'Healthy', revision: SHA },
        prod: broken
          ? { sync: 'OutOfSync', health: 'Degraded' }
          : { sync: 'Synced', health: 'Healthy', revision: SHA },
      },
      worstHealth: broken ? 'Degraded' : 'Healthy',
    };
  });
}

/** A merged pull request changing no environment in particular: dev synced and healthy, staging synced only. */
export function delivery(change: Partial<Delivery> = {}): Delivery {
  return {
    number: 12,
    url: 'https://github.com/acme/gitops-config/pull/12',
    title: 'Promote shop dev → staging',
    branch: 'gitops/promote/shop-staging',
    verb: 'promote',
    state: 'merged',
    openedAt: '2025-03-01T10:00:00.000Z',
    mergedAt: '2025-03-01T10:30:00.000Z',
    mergeCommit: SHA,
    environments: [
      {
        environment: 'staging',
        changed: false,
        syncedAt: '2025-03-01T10:33:00.000Z',
        targets: [],
      },
      {
        environment: 'dev',
        changed: false,
        syncedAt: '2025-03-01T10:31:00.000Z',
        healthyAt: '2025-03-01T10:31:45.000Z',
        targets: [],
      },
    ],
    ...change,
  };
}
