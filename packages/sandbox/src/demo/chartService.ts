/*
 * The demo's multi-source Argo CD Application: a service deployed from a remote Helm chart with its values in the
 * config repo (`$values/…` through a `ref` source), as platform teams run vendor charts. Its catalog entry is
 * demo/catalog/charts.yaml; it is kept apart from services.yaml, whose services all render a Kustomize overlay.
 */
import { stringify } from 'yaml';
import { argoRevisionFields, argoSourceFields } from '../operator/argoSources';
import { DEMO_ENVIRONMENTS, DemoEnvironment } from './environments';

type Obj = Record<string, any>;

export const CHART_SERVICE = {
  name: 'payments-webhooks',
  team: 'payments',
  /** A Helm repository the sandbox never reads: the operator does not render Helm sources. */
  chart: {
    repoURL: 'https://charts.acme.example/stable',
    chart: 'webhook-relay',
    targetRevision: '2.3.1',
  },
};

/** The values file of one environment: a path promotions find (`apps/<service>/envs/<env>/`). */
export const chartValuesPath = (env: string) =>
  `apps/${CHART_SERVICE.name}/envs/${env}/values.yaml`;

function application(env: DemoEnvironment, repoUrl: string): Obj {
  const { name, team, chart } = CHART_SERVICE;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${name}-${env.name}`,
      namespace: 'argocd',
      labels: {
        'backstage.io/kubernetes-id': name,
        'gitops-portal.io/environment': env.name,
        team,
      },
    },
    spec: {
      project: team,
      sources: [
        {
          ...chart,
          helm: {
            releaseName: name,
            valueFiles: [`$values/${chartValuesPath(env.name)}`],
          },
        },
        { repoURL: repoUrl, targetRevision: 'main', ref: 'values' },
      ],
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: name,
      },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
}

/** The config-repo files: each environment's values and its Application under clusters/<env>/argocd/. */
export function chartServiceFiles(repoUrl: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of DEMO_ENVIRONMENTS) {
    files[chartValuesPath(env.name)] = stringify({
      image: {
        repository: `ghcr.io/acme/${CHART_SERVICE.name}`,
        tag: env.imageTag,
      },
      replicaCount: env.replicas,
    });
    files[`clusters/${env.name}/argocd/${CHART_SERVICE.name}.yaml`] = stringify(
      application(env, repoUrl),
    );
  }
  return files;
}

/** The live Application (Synced and Healthy at `revision`, every source's revision kept) and its namespace. */
export function chartServiceObjects(
  env: DemoEnvironment,
  revision: string,
  repoUrl: string,
  at: string,
): Obj[] {
  const app = application(env, repoUrl);
  const revisions = argoRevisionFields(app, revision);
  const sources = argoSourceFields(app);
  const deployment = {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    namespace: CHART_SERVICE.name,
    name: CHART_SERVICE.name,
    status: 'Synced',
    health: { status: 'Healthy' },
  };
  app.status = {
    sync: {
      status: 'Synced',
      ...revisions,
      comparedTo: { ...sources, destination: app.spec.destination },
    },
    health: { status: 'Healthy' },
    operationState: {
      operation: { sync: revisions },
      phase: 'Succeeded',
      message: 'successfully synced (all tasks run)',
      startedAt: at,
      finishedAt: at,
      syncResult: { ...revisions, ...sources },
    },
    resources: [deployment],
    history: [{ id: 1, ...revisions, deployedAt: at, ...sources }],
    reconciledAt: at,
  };
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: CHART_SERVICE.name },
    },
    app,
  ];
}
