import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions, ServiceEnvironment } from './types';

/** The `images:` entry pinning the service's image for one environment. */
export function imageEntry(image: string, env: ServiceEnvironment) {
  return env.imageDigest
    ? { name: image, digest: env.imageDigest }
    : { name: image, newTag: env.imageTag };
}

function overlayKustomization(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
  resources: string[],
  extra: object = {},
) {
  const images = [imageEntry(options.image, env)];
  if (options.migration?.image && options.migration.image !== options.image) {
    images.push(imageEntry(options.migration.image, env));
  }
  return yamlDocs({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: options.name,
    resources,
    labels: [{ pairs: { env: env.name }, includeSelectors: false }],
    images,
    ...extra,
  });
}

/** `apps/<service>/overlays/<env>`: namespace, `env` label, pinned image, replicas (and, for Flux, the migrations overlay). */
export function overlayFiles(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
): Record<string, string> {
  const dir = `apps/${options.name}/overlays/${env.name}`;
  const files: Record<string, string> = {
    [`${dir}/kustomization.yaml`]: overlayKustomization(
      options,
      env,
      ['../../base'],
      {
        // With an HPA the autoscaler owns replicas; the overlay's count would fight it.
        ...(options.hpa
          ? {}
          : { replicas: [{ name: options.name, count: env.replicas }] }),
      },
    ),
  };
  if (options.migration && options.delivery.engine === 'flux') {
    files[`${dir}/migrations/kustomization.yaml`] = overlayKustomization(
      options,
      env,
      ['../../../migrations'],
    );
  }
  return files;
}
