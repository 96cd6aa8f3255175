import { yamlDocs } from './yamlText';
import {
  analysisTemplate,
  flaggerCanary,
  flaggerMetricTemplate,
  rolloutStrategy,
} from './progressive';
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

/** Where a workload object goes: its file name in the base (or chart templates) and the object. */
export interface WorkloadFile {
  file: string;
  object: Record<string, any>;
}

/** The Deployment (or Argo Rollouts `Rollout`) with probes and limits. */
function workload(options: NewServiceManifestOptions) {
  const { name } = options;
  const port = options.port ?? 8080;
  const labels = selectorLabels(name);
  const rollout = options.progressiveDelivery?.type === 'rollout';
  return {
    apiVersion: rollout ? 'argoproj.io/v1alpha1' : 'apps/v1',
    kind: rollout ? 'Rollout' : 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: labels },
      ...(rollout ? { strategy: rolloutStrategy(options) } : {}),
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
  };
}

/**
 * The service's objects, shared by the Kustomize base and the generated Helm
 * chart: workload, Service (Flagger creates its own), optional HPA, and the
 * canary objects of progressive delivery.
 */
export function workloadFiles(
  options: NewServiceManifestOptions,
): WorkloadFile[] {
  const { name } = options;
  const port = options.port ?? 8080;
  const delivery = options.progressiveDelivery;
  const main = workload(options);
  const files: WorkloadFile[] = [{ file: 'workload.yaml', object: main }];
  if (delivery?.type !== 'flagger') {
    files.push({
      file: 'service.yaml',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name },
        spec: {
          selector: selectorLabels(name),
          ports: [{ name: 'http', port: 80, targetPort: port }],
        },
      },
    });
  }
  if (options.hpa) {
    files.push({
      file: 'hpa.yaml',
      object: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name },
        spec: {
          scaleTargetRef: {
            apiVersion: main.apiVersion,
            kind: main.kind,
            name,
          },
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
      },
    });
  }
  if (delivery?.type === 'rollout' && delivery.analysis) {
    files.push({
      file: 'analysis-template.yaml',
      object: analysisTemplate(options),
    });
  }
  if (delivery?.type === 'flagger') {
    files.push({ file: 'canary.yaml', object: flaggerCanary(options) });
    if (delivery.analysis) {
      files.push({
        file: 'metric-template.yaml',
        object: flaggerMetricTemplate(options),
      });
    }
  }
  return files;
}

/**
 * How Argo CD runs the migration before the workload (Argo CD's sync phases and waves): a PreSync hook runs
 * before anything is applied, on every sync, and BeforeHookCreation deletes the previous Job first; wave -1 is
 * applied and waited for before wave 0, and Replace re-creates the (immutable) Job for a new image.
 */
function argoMigrationAnnotations(
  options: NewServiceManifestOptions,
): Record<string, string> {
  return options.migration?.order === 'preSyncHook'
    ? {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      }
    : {
        'argocd.argoproj.io/sync-wave': '-1',
        'argocd.argoproj.io/sync-options': 'Replace=true',
      };
}

/** `apps/<service>/base`: the workload files, and (Argo CD) the migration Job. */
export function baseFiles(
  options: NewServiceManifestOptions,
): Record<string, string> {
  const dir = `apps/${options.name}/base`;
  const files: Record<string, string> = {};
  const resources: string[] = [];
  for (const { file, object } of workloadFiles(options)) {
    files[`${dir}/${file}`] = yamlDocs(object);
    resources.push(file);
  }
  if (options.migration && options.delivery.engine === 'argocd') {
    resources.unshift('migration-job.yaml');
    files[`${dir}/migration-job.yaml`] = yamlDocs(
      migrationJob(options, argoMigrationAnnotations(options)),
    );
  }
  files[`${dir}/kustomization.yaml`] = yamlDocs({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    labels: [{ pairs: { team: options.team }, includeSelectors: false }],
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
