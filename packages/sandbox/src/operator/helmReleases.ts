/*
 * helm-controller's part of the test double. The HelmReleases (and their HelmRepositories) a Flux Kustomization
 * renders are applied as kustomize-controller would, with its `kustomize.toolkit.fluxcd.io/name|namespace` labels,
 * then released as helm-controller would: the chart version `spec.chart.spec.version` picks from what the sandbox's
 * Helm repository serves is attempted while the Kustomization progresses and is in the release history (with the
 * chart's Deployment, labelled as Helm and helm-controller label it) once it is healthy. Nothing of ours is added.
 */
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import { pickChartVersion } from './chartVersions';
import type { TrackedObject } from './clusterTree';
import { condition, type DeliveryPhase } from './deliveryStatus';

type Obj = Record<string, any>;

/** The chart versions each chart of the sandbox's Helm repositories serves, by chart name. */
export type ChartVersions = Record<string, string[]>;

const HELM_RELEASE = 'helm.toolkit.fluxcd.io/';
const HELM_REPOSITORY = 'source.toolkit.fluxcd.io/';

/** HelmReleases of a chart from a Helm repository (`spec.chart`); OCI chart sources (`spec.chartRef`) are not played. */
const isHelmObject = (o: KubeObject & Obj) =>
  (o.apiVersion.startsWith(HELM_RELEASE) &&
    o.kind === 'HelmRelease' &&
    o.spec?.chart !== undefined) ||
  (o.apiVersion.startsWith(HELM_REPOSITORY) && o.kind === 'HelmRepository');

/** The status helm-controller writes at a step, for the chart version picked (or why none was). */
export function helmReleaseStatusIn(
  release: Obj,
  phase: DeliveryPhase,
  picked: { version: string } | { error: string },
  at: string,
): Obj {
  const previous: Obj = release.status ?? {};
  const generation = release.metadata?.generation ?? 1;
  const chart = release.spec?.chart?.spec?.chart;
  const name = `${release.metadata.namespace}/${release.metadata.name}`;
  if ('error' in picked) {
    return {
      ...previous,
      observedGeneration: generation,
      conditions: [
        condition('Ready', 'False', 'ArtifactFailed', picked.error, at),
      ],
    };
  }
  const attempted = {
    ...previous,
    observedGeneration: generation,
    lastAttemptedRevision: picked.version,
  };
  if (phase === 'out-of-sync' || phase === 'progressing') {
    const message = `Running 'upgrade' action with timeout of 5m0s`;
    return {
      ...attempted,
      conditions: [
        condition('Ready', 'Unknown', 'Progressing', message, at),
        condition('Reconciling', 'True', 'Progressing', message, at),
      ],
    };
  }
  if (phase === 'degraded') {
    return {
      ...attempted,
      conditions: [
        condition(
          'Ready',
          'False',
          'UpgradeFailed',
          `Helm upgrade failed for release ${name} with chart ${chart}@${picked.version}`,
          at,
        ),
      ],
    };
  }
  const history: Obj[] = previous.history ?? [];
  const current =
    history[0]?.chartVersion === picked.version
      ? history
      : [
          {
            name: release.spec?.releaseName ?? release.metadata.name,
            namespace: release.metadata.namespace,
            version: (history[0]?.version ?? 0) + 1,
            chartName: chart,
            chartVersion: picked.version,
            status: 'deployed',
            firstDeployed: history[history.length - 1]?.firstDeployed ?? at,
            lastDeployed: at,
          },
          ...history,
        ].slice(0, 5);
  const message = `Helm upgrade succeeded for release ${name}.v${current[0].version} with chart ${chart}@${picked.version}`;
  return {
    ...attempted,
    history: current,
    // helm-controller reports the release itself beside Ready (Argo CD's health check counts both).
    conditions: [
      condition('Ready', 'True', 'UpgradeSucceeded', message, at),
      condition('Released', 'True', 'UpgradeSucceeded', message, at),
    ],
  };
}

/** The chart's Deployment as Helm renders it (the chart's own labels) with helm-controller's labels. */
function releasedDeployment(
  release: Obj,
  version: string,
  at: string,
): KubeObject {
  const name = release.spec?.releaseName ?? release.metadata.name;
  const chart = release.spec?.chart?.spec?.chart;
  const selector = { 'app.kubernetes.io/name': chart };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: release.metadata.namespace,
      labels: {
        ...selector,
        'app.kubernetes.io/managed-by': 'Helm',
        'helm.sh/chart': `${chart}-${version}`,
        'helm.toolkit.fluxcd.io/name': release.metadata.name,
        'helm.toolkit.fluxcd.io/namespace': release.metadata.namespace,
      },
      annotations: {
        'meta.helm.sh/release-name': name,
        'meta.helm.sh/release-namespace': release.metadata.namespace,
      },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: {
          containers: [{ name: chart, image: `ghcr.io/stefanprodan/${chart}` }],
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 1,
      readyReplicas: 1,
      updatedReplicas: 1,
      availableReplicas: 1,
      conditions: [
        condition(
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          at,
        ),
      ],
    },
  } as KubeObject;
}

/**
 * Applies the Helm objects a Flux Kustomization rendered and moves its HelmReleases through `phase`. A
 * HelmRepository gets a Ready status (the sandbox's index is always there); other rendered objects are left alone.
 */
export function releaseRenderedHelmReleases(
  cluster: EmulatedCluster,
  kustomization: TrackedObject,
  rendered: KubeObject[],
  phase: DeliveryPhase,
  chartVersions: ChartVersions,
  at: string,
) {
  if (phase === 'render-failed' || phase === 'out-of-sync') return;
  for (const object of rendered.filter(isHelmObject)) {
    const { name, namespace } = object.metadata;
    const live = cluster.get(
      object.apiVersion,
      object.kind,
      name!,
      namespace,
    ) as Obj | undefined;
    const applied: Obj = {
      ...object,
      metadata: {
        ...object.metadata,
        labels: {
          ...object.metadata.labels,
          'kustomize.toolkit.fluxcd.io/name': kustomization.name,
          'kustomize.toolkit.fluxcd.io/namespace':
            kustomization.namespace ?? '',
        },
      },
      status: live?.status,
    };
    // Applied first, so the status observes the generation the API server gave the (maybe changed) spec.
    const [stored] = cluster.apply(applied as KubeObject);
    const spec = (stored as Obj).spec;
    const generation = stored.metadata?.generation ?? 1;
    if (object.kind === 'HelmRepository') {
      const message = "stored artifact: revision 'sha256:sandbox'";
      cluster.apply({
        ...stored,
        status: {
          observedGeneration: generation,
          conditions: [
            condition('Ready', 'True', 'Succeeded', message, at),
            condition('ArtifactInStorage', 'True', 'Succeeded', message, at),
          ],
        },
      });
      continue;
    }
    const chart = spec?.chart?.spec;
    const picked = pickChartVersion(
      chart?.version,
      chartVersions[chart?.chart] ?? [],
    );
    cluster.apply({
      ...stored,
      status: helmReleaseStatusIn(stored, phase, picked, at),
    });
    if ('version' in picked && phase === 'healthy') {
      cluster.apply(releasedDeployment(stored, picked.version, at));
    }
  }
}
