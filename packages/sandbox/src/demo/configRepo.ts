import { stringify } from 'yaml';
import { DemoService } from './demoServices';
import { DEMO_ENVIRONMENTS, DemoEnvironment } from './environments';
import { claimManifest } from './crossplane';

/** The demo's canary: 20% for 5 minutes, 50% for 10, then full. */
export const CANARY_STEPS = [
  { setWeight: 20 },
  { pause: { duration: '5m' } },
  { setWeight: 50 },
  { pause: { duration: '10m' } },
];

const yamlDocs = (...docs: object[]) =>
  docs.map(doc => stringify(doc, { lineWidth: 0 })).join('---\n');

function baseFiles(service: DemoService): Record<string, string> {
  const labels = { 'app.kubernetes.io/name': service.name };
  const dir = `apps/${service.name}/base`;
  const workload = service.rollout
    ? {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: { name: service.name },
        spec: {
          selector: { matchLabels: labels },
          strategy: { canary: { steps: CANARY_STEPS } },
          template: podTemplate(service, labels),
        },
      }
    : {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: service.name },
        spec: {
          selector: { matchLabels: labels },
          template: podTemplate(service, labels),
        },
      };
  return {
    [`${dir}/kustomization.yaml`]: yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['workload.yaml', 'service.yaml'],
      labels: [{ pairs: { team: service.team }, includeSelectors: false }],
    }),
    [`${dir}/workload.yaml`]: yamlDocs(workload),
    [`${dir}/service.yaml`]: yamlDocs({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service.name },
      spec: {
        selector: labels,
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      },
    }),
  };
}

function podTemplate(service: DemoService, labels: Record<string, string>) {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: service.name,
          image: `ghcr.io/acme/${service.name}:0.0.0`,
          ports: [{ containerPort: 8080 }],
          readinessProbe: { httpGet: { path: '/healthz/ready', port: 8080 } },
          livenessProbe: { httpGet: { path: '/healthz/live', port: 8080 } },
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { cpu: '500m', memory: '256Mi' },
          },
        },
      ],
    },
  };
}

function overlayFiles(
  service: DemoService,
  env: DemoEnvironment,
): Record<string, string> {
  const dir = `apps/${service.name}/overlays/${env.name}`;
  return {
    [`${dir}/kustomization.yaml`]: yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: service.name,
      resources: ['../../base'],
      labels: [{ pairs: { env: env.name }, includeSelectors: false }],
      images: [{ name: `ghcr.io/acme/${service.name}`, newTag: env.imageTag }],
      // kustomize's replicas field knows only built-in workloads; a Rollout gets a JSON patch instead.
      ...(service.rollout
        ? {
            patches: [
              {
                target: { kind: 'Rollout', name: service.name },
                patch: `- op: add\n  path: /spec/replicas\n  value: ${env.replicas}\n`,
              },
            ],
          }
        : { replicas: [{ name: service.name, count: env.replicas }] }),
    }),
  };
}

/** The Argo CD Application or Flux Kustomization that deploys one service's overlay to one environment. */
export function deliveryManifest(
  service: DemoService,
  env: DemoEnvironment,
  repoUrl: string,
) {
  const path = `apps/${service.name}/overlays/${env.name}`;
  const labels = {
    'backstage.io/kubernetes-id': service.name,
    'gitops-portal.io/environment': env.name,
    team: service.team,
  };
  if (service.engine === 'argocd') {
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: `${service.name}-${env.name}`,
        namespace: 'argocd',
        labels,
      },
      spec: {
        project: service.team,
        source: { repoURL: repoUrl, path, targetRevision: 'main' },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: service.name,
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    };
  }
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: service.name, namespace: 'flux-system', labels },
    spec: {
      interval: '5m',
      path: `./${path}`,
      prune: true,
      wait: true,
      targetNamespace: service.name,
      sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
    },
  };
}

/** Every file of the seeded GitOps config repo: apps/<service>/{base,overlays/<env>} and clusters/<env>/…. */
export function configRepoFiles(
  services: DemoService[],
  repoUrl: string,
): Record<string, string> {
  const files: Record<string, string> = {
    'README.md':
      "# gitops-config\n\nThe sandbox's GitOps config repo: `apps/<service>/base` and `apps/<service>/overlays/<env>`\n" +
      "hold each service's manifests; `clusters/<env>` holds what each cluster's Argo CD or Flux deploys.\n",
  };
  for (const service of services) {
    Object.assign(files, baseFiles(service));
    for (const env of DEMO_ENVIRONMENTS) {
      Object.assign(files, overlayFiles(service, env));
      const engineDir = service.engine === 'argocd' ? 'argocd' : 'flux';
      files[`clusters/${env.name}/${engineDir}/${service.name}.yaml`] =
        yamlDocs(deliveryManifest(service, env, repoUrl));
      for (const claim of claimManifests(service, env)) {
        files[`clusters/${env.name}/crossplane/${claim.metadata.name}.yaml`] =
          yamlDocs(claim);
      }
    }
  }
  return files;
}

export function claimManifests(service: DemoService, env: DemoEnvironment) {
  const claims = [];
  if (service.database)
    claims.push(claimManifest(service, env, 'database', service.database));
  if (service.bucket)
    claims.push(claimManifest(service, env, 'bucket', service.bucket));
  if (service.queue)
    claims.push(claimManifest(service, env, 'queue', service.queue));
  return claims;
}
