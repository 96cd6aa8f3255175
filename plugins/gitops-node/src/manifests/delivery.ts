import { InputError } from '@backstage/errors';
import {
  ARGOCD_IN_CLUSTER_SERVER,
  ENVIRONMENT_LABEL,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import { isDeepStrictEqual } from 'node:util';
import { argoDriftSpec, fluxDriftSpec } from './driftPolicy';
import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions, ServiceEnvironment } from './types';

const deliveryLabels = (options: NewServiceManifestOptions, env: string) => ({
  [KUBERNETES_ID_LABEL]: options.name,
  [ENVIRONMENT_LABEL]: env,
  team: options.team,
});

const overlayPath = (service: string, env: string) =>
  `apps/${service}/overlays/${env}`;

/**
 * The Application's source: the overlay (Kustomize), the generated chart with
 * the environment's values file (Helm), or a chart repository's chart at its
 * pinned version plus the config repo as `$values` (multi-source).
 */
function argoSource(
  options: NewServiceManifestOptions,
  repoUrl: string,
  targetRevision: string,
  env: string,
): Record<string, unknown> {
  if ((options.packaging ?? 'kustomize') !== 'helm') {
    return {
      source: {
        repoURL: repoUrl,
        path: overlayPath(options.name, env),
        targetRevision,
      },
    };
  }
  const chart = options.chart;
  if (chart?.repoUrl) {
    return {
      sources: [
        {
          // Argo CD names OCI chart repositories without the scheme.
          repoURL: chart.repoUrl.replace(/^oci:\/\//, ''),
          chart: chart.name ?? options.name,
          targetRevision: chart.version,
          helm: {
            releaseName: options.name,
            valueFiles: [
              `$values/${overlayPath(options.name, env)}/values.yaml`,
            ],
          },
        },
        { repoURL: repoUrl, targetRevision, ref: 'values' },
      ],
    };
  }
  return {
    source: {
      repoURL: repoUrl,
      path: `apps/${options.name}/chart`,
      targetRevision,
      helm: {
        releaseName: options.name,
        valueFiles: [`../overlays/${env}/values.yaml`],
      },
    },
  };
}

/** `clusters/<env>/argocd/<service>.yaml`: one Argo CD Application per environment (the seed's shape). */
export function argoApplicationFiles(
  options: NewServiceManifestOptions,
  repoUrl: string,
  targetRevision: string,
): Record<string, string> {
  return Object.fromEntries(
    options.environments.map(env => [
      `clusters/${env.name}/argocd/${options.name}.yaml`,
      yamlDocs({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: `${options.name}-${env.name}`,
          namespace: 'argocd',
          labels: deliveryLabels(options, env.name),
        },
        spec: {
          project: options.team,
          ...argoSource(options, repoUrl, targetRevision, env.name),
          destination: {
            server: env.server ?? ARGOCD_IN_CLUSTER_SERVER,
            namespace: options.name,
          },
          ...argoDriftSpec(env.driftPolicy),
        },
      }),
    ]),
  );
}

/**
 * The one drift policy of an ApplicationSet's template: its booleans cannot be templated per element, so
 * environments that differ are refused rather than silently given the first one's policy.
 */
function sharedDriftPolicy(environments: ServiceEnvironment[]) {
  const [first, ...rest] = environments.map(env => env.driftPolicy ?? {});
  if (rest.some(policy => !isDeepStrictEqual(policy, first))) {
    throw new InputError(
      'argocdMode applicationset writes one drift policy for every environment: give each environment the same driftPolicy, or use argocdMode application',
    );
  }
  return first;
}

/** `clusters/<home env>/argocd/<service>-appset.yaml`: one ApplicationSet with a list generator over the environments. */
export function argoApplicationSetFiles(
  options: NewServiceManifestOptions,
  repoUrl: string,
  targetRevision: string,
  homeEnvironment: string,
): Record<string, string> {
  const policy = sharedDriftPolicy(options.environments);
  const elements = options.environments.map((env: ServiceEnvironment) => ({
    env: env.name,
    server: env.server ?? ARGOCD_IN_CLUSTER_SERVER,
  }));
  return {
    [`clusters/${homeEnvironment}/argocd/${options.name}-appset.yaml`]:
      yamlDocs({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: {
          name: options.name,
          namespace: 'argocd',
          labels: { team: options.team },
        },
        spec: {
          goTemplate: true,
          generators: [{ list: { elements } }],
          template: {
            metadata: {
              // Argo CD's own template syntax, filled in by the ApplicationSet controller.
              name: `${options.name}-{{.env}}`,
              labels: { ...deliveryLabels(options, '{{.env}}') },
            },
            spec: {
              project: options.team,
              ...argoSource(options, repoUrl, targetRevision, '{{.env}}'),
              destination: { server: '{{.server}}', namespace: options.name },
              ...argoDriftSpec(policy),
            },
          },
        },
      }),
  };
}

/** `clusters/<env>/flux/<service>.yaml`: a Flux Kustomization per environment, plus one for migrations that it depends on. */
export function fluxKustomizationFiles(
  options: NewServiceManifestOptions,
  sourceName: string,
): Record<string, string> {
  return Object.fromEntries(
    options.environments.map(env => {
      const labels = deliveryLabels(options, env.name);
      const common = {
        ...fluxDriftSpec(env.driftPolicy),
        wait: true,
        targetNamespace: options.name,
        sourceRef: { kind: 'GitRepository', name: sourceName },
      };
      const docs: object[] = [];
      if (options.migration) {
        docs.push({
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          metadata: {
            name: `${options.name}-migrations`,
            namespace: 'flux-system',
            labels,
          },
          // force re-creates the immutable Job when its image changes.
          spec: {
            ...common,
            path: `./${overlayPath(options.name, env.name)}/migrations`,
            force: true,
          },
        });
      }
      docs.push({
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: options.name, namespace: 'flux-system', labels },
        spec: {
          ...common,
          path: `./${overlayPath(options.name, env.name)}`,
          ...(options.migration
            ? { dependsOn: [{ name: `${options.name}-migrations` }] }
            : {}),
        },
      });
      return [
        `clusters/${env.name}/flux/${options.name}.yaml`,
        yamlDocs(...docs),
      ];
    }),
  );
}
