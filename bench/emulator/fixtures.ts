/** Realistic (~2-3 KB, with status) Argo CD Applications and Flux Kustomizations for the benchmark. */
import type { KubeObject } from '@internal/kube-emulator';

const TIME = '2025-01-15T10:20:30Z';

function resources(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    group: i % 2 ? 'apps' : '',
    version: 'v1',
    kind: i % 2 ? 'Deployment' : 'Service',
    namespace: prefix,
    name: `${prefix}-component-${i}`,
    status: 'Synced',
    health: { status: 'Healthy' },
  }));
}

export function argoApplication(cluster: string, i: number): KubeObject {
  const name = `svc-${String(i).padStart(4, '0')}`;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name,
      namespace: 'argocd',
      labels: {
        'app.kubernetes.io/part-of': 'portal-bench',
        team: `team-${i % 20}`,
        env: cluster,
      },
      annotations: {
        'argocd.argoproj.io/sync-wave': String(i % 5),
        'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'alerts',
      },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: `team-${i % 20}`,
      source: {
        repoURL: 'https://github.example.com/acme/gitops-config.git',
        targetRevision: 'main',
        path: `apps/${name}/overlays/${cluster}`,
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: name,
      },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
      },
    },
    status: {
      sync: {
        status: 'Synced',
        revision: 'f3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
        comparedTo: { source: { path: `apps/${name}/overlays/${cluster}` } },
      },
      health: { status: i % 17 === 0 ? 'Degraded' : 'Healthy' },
      operationState: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: TIME,
        finishedAt: TIME,
      },
      reconciledAt: TIME,
      resources: resources(name, 10),
      summary: { images: [`registry.example.com/acme/${name}:1.${i % 30}.0`] },
    },
  };
}

export function fluxKustomization(cluster: string, i: number): KubeObject {
  const name = `svc-${String(i).padStart(4, '0')}`;
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name,
      namespace: 'flux-system',
      labels: {
        'kustomize.toolkit.fluxcd.io/name': name,
        team: `team-${i % 20}`,
        env: cluster,
      },
      finalizers: ['finalizers.fluxcd.io'],
    },
    spec: {
      interval: '10m',
      path: `./apps/${name}/overlays/${cluster}`,
      prune: true,
      wait: true,
      timeout: '5m',
      sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
      postBuild: { substitute: { cluster_name: cluster, service: name } },
    },
    status: {
      observedGeneration: 1,
      lastAppliedRevision: 'main@sha1:f3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
      lastAttemptedRevision:
        'main@sha1:f3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message:
            'Applied revision: main@sha1:f3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
          lastTransitionTime: TIME,
          observedGeneration: 1,
        },
        {
          type: 'Healthy',
          status: 'True',
          reason: 'Succeeded',
          message: 'Health check passed in 2.01s',
          lastTransitionTime: TIME,
          observedGeneration: 1,
        },
      ],
      inventory: {
        entries: resources(name, 12).map(r => ({
          id: `${r.namespace}_${r.name}_${r.group}_${r.kind}`,
          v: r.version,
        })),
      },
    },
  };
}
