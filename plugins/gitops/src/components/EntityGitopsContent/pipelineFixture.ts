import type {
  PipelineEnvironment,
  PipelineResponse,
} from '@gitops-portal/plugin-gitops-common';

/** Test data: one environment of shop's pipeline, Synced and Healthy, at a described commit. */
export function pipelineEnvironment(
  environment: string,
  change: Partial<PipelineEnvironment> = {},
): PipelineEnvironment {
  return {
    environment,
    sync: 'Synced',
    health: 'Healthy',
    version: {
      images: [{ name: 'ghcr.io/acme/shop', tag: '1.0.0' }],
      charts: [],
    },
    targets: [
      {
        key: `${environment}/argoproj.io/Application/argocd/shop-${environment}`,
        kind: 'Application',
        cluster: environment,
        namespace: 'argocd',
        name: `shop-${environment}`,
        sync: 'Synced',
        health: 'Healthy',
      },
    ],
    ...change,
  };
}

/** Test data: shop's pipeline over `environments`, nothing differing between them unless a test says so. */
export function pipeline(
  environments: PipelineEnvironment[],
  gaps: PipelineResponse['gaps'] = environments.slice(1).map((to, i) => ({
    from: environments[i].environment,
    to: to.environment,
    versionChanges: [],
    commitsNotPromoted: [],
  })),
): PipelineResponse {
  return {
    entityRef: 'component:default/shop',
    configRepo: 'acme/gitops-config',
    environments,
    gaps,
  };
}
