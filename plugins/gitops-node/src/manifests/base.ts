import { yamlDocs } from './yamlText';
import { ContainerResources, NewServiceManifestOptions } from './types';

export const DEFAULT_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

const selectorLabels = (name: string) => ({ 'app.kubernetes.io/name': name });

/** The Job that runs migrations; the overlays' `images:` give it the same tag as the workload. */
export function migrationJob(
  options: NewServiceManifestOptions,
  annotations: Record<string, string> = {},
) {
  const { name } = options;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${name}-migrate`,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      backoffLimit: 2,
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': `${name}-migrate` } },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'migrate',
              image: options.migration?.image ?? options.image,
              command: options.migration?.command ?? [],
              resources: options.resources ?? DEFAULT_RESOURCES,
            },
          ],
        },
      },
    },
  };
}

/** `apps/<service>/base`: Deployment (probes, limits), Service, optional HPA and (Argo CD) the migration Job. */
export function baseFiles(
  options: NewServiceManifestOptions,
): Record<string, string> {
  const { name, team } = options;
  const port = options.port ?? 8080;
  const dir = `apps/${name}/base`;
  const labels = selectorLabels(name);
  const files: Record<string, string> = {};
  const resources = ['workload.yaml', 'service.yaml'];

  files[`${dir}/workload.yaml`] = yamlDocs({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image: options.image,
              ports: [{ containerPort: port }],
              readinessProbe: {
                httpGet: {
                  path: options.probes?.readinessPath ?? '/healthz/ready',
                  port,
                },
              },
              livenessProbe: {
                httpGet: {
                  path: options.probes?.livenessPath ?? '/healthz/live',
                  port,
                },
              },
              resources: options.resources ?? DEFAULT_RESOURCES,
            },
          ],
        },
      },
    },
  });
  files[`${dir}/service.yaml`] = yamlDocs({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: {
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: port }],
    },
  });
  if (options.hpa) {
    resources.push('hpa.yaml');
    files[`${dir}/hpa.yaml`] = yamlDocs({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: options.hpa.minReplicas,
        maxReplicas: options.hpa.maxReplicas,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: options.hpa.targetCpuUtilization ?? 75,
              },
            },
          },
        ],
      },
    });
  }
  if (options.migration && options.delivery.engine === 'argocd') {
    resources.unshift('migration-job.yaml');
    // Wave -1 syncs before the workload; Replace re-creates the (immutable) Job for a new image.
    files[`${dir}/migration-job.yaml`] = yamlDocs(
      migrationJob(options, {
        'argocd.argoproj.io/sync-wave': '-1',
        'argocd.argoproj.io/sync-options': 'Replace=true',
      }),
    );
  }
  files[`${dir}/kustomization.yaml`] = yamlDocs({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    labels: [{ pairs: { team }, includeSelectors: false }],
  });
  return files;
}

/** Flux only: `apps/<service>/migrations`, a separate base so a Flux Kustomization can run it first. */
export function fluxMigrationBaseFiles(
  options: NewServiceManifestOptions,
): Record<string, string> {
  const dir = `apps/${options.name}/migrations`;
  return {
    [`${dir}/job.yaml`]: yamlDocs(migrationJob(options)),
    [`${dir}/kustomization.yaml`]: yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['job.yaml'],
      labels: [{ pairs: { team: options.team }, includeSelectors: false }],
    }),
  };
}
