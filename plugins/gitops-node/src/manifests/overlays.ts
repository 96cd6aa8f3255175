import { parseDocument, Scalar } from 'yaml';
import { imagePolicyMarker, automatedEnvironment } from './imageAutomation';
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
  const images: object[] = [imageEntry(options.image, env)];
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

/**
 * Flux image automation: `newName`/`newTag` of the first image entry get the
 * setter markers (`# {"$imagepolicy": "flux-system:<svc>:tag"}`) that
 * ImageUpdateAutomation rewrites.
 */
function withSetterMarkers(text: string, service: string): string {
  const doc = parseDocument(text);
  const entry = doc.getIn(['images', 0], true) as any;
  entry.set('newName', doc.createNode(entry.get('name')));
  for (const key of ['newName', 'newTag'] as const) {
    const node = entry.get(key, true) as Scalar;
    node.comment = ` ${imagePolicyMarker(
      service,
      key === 'newTag' ? 'tag' : 'name',
    )}`;
  }
  return doc.toString({ lineWidth: 0 });
}

/** Argo Rollouts: kustomize's `replicas:` only knows built-in kinds, so the count is a JSON patch. */
function replicasPatch(options: NewServiceManifestOptions, count: number) {
  return {
    patches: [
      {
        target: { kind: 'Rollout', name: options.name },
        patch: `- op: add\n  path: /spec/replicas\n  value: ${count}\n`,
      },
    ],
  };
}

function replicasField(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
) {
  // With an HPA the autoscaler owns replicas; the overlay's count would fight it.
  if (options.hpa) return {};
  if (options.progressiveDelivery?.type === 'rollout') {
    return replicasPatch(options, env.replicas);
  }
  return { replicas: [{ name: options.name, count: env.replicas }] };
}

/** `apps/<service>/overlays/<env>`: namespace, `env` label, pinned image, replicas (and, for Flux, the migrations overlay). */
export function overlayFiles(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
): Record<string, string> {
  const dir = `apps/${options.name}/overlays/${env.name}`;
  let overlay = overlayKustomization(
    options,
    env,
    ['../../base'],
    replicasField(options, env),
  );
  if (automatedEnvironment(options) === env.name) {
    overlay = withSetterMarkers(overlay, options.name);
  }
  const files: Record<string, string> = {
    [`${dir}/kustomization.yaml`]: overlay,
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
