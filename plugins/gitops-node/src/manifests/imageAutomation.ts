import { KUBERNETES_ID_LABEL } from '@gitops-portal/plugin-gitops-common';
import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions } from './types';

/** Flux's image automation objects live with Flux's own objects. */
const FLUX_NAMESPACE = 'flux-system';

/**
 * The environment Flux image automation updates: the first one (dev). Later
 * environments are promoted by pull requests, as with CI hand-off.
 */
export function automatedEnvironment(
  options: NewServiceManifestOptions,
): string | undefined {
  return options.imageAutomation?.mode === 'flux'
    ? options.environments[0].name
    : undefined;
}

/** The setter comment ImageUpdateAutomation looks for, e.g. `{"$imagepolicy": "flux-system:web:tag"}`. */
export function imagePolicyMarker(service: string, field?: 'tag' | 'name') {
  const ref = [FLUX_NAMESPACE, service, field].filter(Boolean).join(':');
  return `{"$imagepolicy": "${ref}"}`;
}

function policySpec(options: NewServiceManifestOptions) {
  const policy = options.imageAutomation?.policy;
  if (policy && 'timestampPattern' in policy) {
    // Tags like `main-<sha>-<unix time>`: the pattern's `ts` group orders them.
    return {
      filterTags: { pattern: policy.timestampPattern, extract: '$ts' },
      policy: { numerical: { order: 'asc' } },
    };
  }
  return { policy: { semver: { range: policy?.semver ?? '>=0.0.0' } } };
}

/**
 * `clusters/<env>/flux/<service>-image-automation.yaml`: ImageRepository,
 * ImagePolicy and ImageUpdateAutomation committing new tags into the
 * environment's overlay (the setter markers there say which field).
 */
export function imageAutomationFiles(
  options: NewServiceManifestOptions,
  sourceName: string,
  branch: string,
): Record<string, string> {
  const env = automatedEnvironment(options);
  if (!env) return {};
  const labels = {
    [KUBERNETES_ID_LABEL]: options.name,
    team: options.team,
    env,
  };
  const metadata = { name: options.name, namespace: FLUX_NAMESPACE, labels };
  return {
    [`clusters/${env}/flux/${options.name}-image-automation.yaml`]: yamlDocs(
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1beta2',
        kind: 'ImageRepository',
        metadata,
        spec: { image: options.image, interval: '5m' },
      },
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1beta2',
        kind: 'ImagePolicy',
        metadata,
        spec: {
          imageRepositoryRef: { name: options.name },
          ...policySpec(options),
        },
      },
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1beta2',
        kind: 'ImageUpdateAutomation',
        metadata,
        spec: {
          interval: '5m',
          sourceRef: { kind: 'GitRepository', name: sourceName },
          git: {
            checkout: { ref: { branch } },
            commit: {
              author: {
                name: 'fluxcdbot',
                email: 'fluxcdbot@users.noreply.github.com',
              },
              messageTemplate: `Update ${options.name} in ${env}`,
            },
            push: { branch },
          },
          update: {
            path: `./apps/${options.name}/overlays/${env}`,
            strategy: 'Setters',
          },
        },
      },
    ),
  };
}
