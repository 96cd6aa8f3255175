import { parseDocument, Scalar, YAMLMap } from 'yaml';
import { chartDir, chartName, chartVersion } from './helmChart';
import { automatedEnvironment, imagePolicyMarker } from './imageAutomation';
import { fluxDriftSpec } from './driftPolicy';
import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions, ServiceEnvironment } from './types';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Deep merge of plain objects; `over` wins, arrays are replaced. */
function merge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] =
      isPlainObject(value) && isPlainObject(out[key])
        ? merge(out[key] as Record<string, unknown>, value)
        : value;
  }
  return out;
}

/** The per-environment values: env, pinned image, replicas, then the caller's values over them. */
function environmentValues(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
): Record<string, unknown> {
  const generated = {
    env: env.name,
    team: options.team,
    image: {
      repository: options.image,
      ...(env.imageDigest
        ? { digest: env.imageDigest }
        : { tag: env.imageTag }),
    },
    ...(options.hpa ? {} : { replicaCount: env.replicas }),
  };
  const values = merge(generated, env.values ?? {});
  // The environment and the image stay what the request pinned.
  return { ...values, env: env.name, image: generated.image };
}

/** Setter markers on `image.repository` and `image.tag` for Flux image automation. */
function withSetterMarkers(text: string, service: string): string {
  const doc = parseDocument(text);
  const image = doc.get('image', true) as YAMLMap;
  for (const [key, field] of [
    ['repository', 'name'],
    ['tag', 'tag'],
  ] as const) {
    const node = image.get(key, true) as Scalar;
    node.comment = ` ${imagePolicyMarker(service, field)}`;
  }
  return doc.toString({ lineWidth: 0 });
}

function fluxRelease(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
  sourceName: string,
) {
  const { name } = options;
  const remote = options.chart?.repoUrl;
  const docs: object[] = [];
  if (remote) {
    docs.push({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name },
      spec: {
        url: remote,
        interval: '1h',
        ...(remote.startsWith('oci://') ? { type: 'oci' } : {}),
      },
    });
  }
  docs.push({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name },
    spec: {
      interval: fluxDriftSpec(env.driftPolicy).interval,
      releaseName: name,
      chart: {
        spec: remote
          ? {
              chart: chartName(options),
              version: chartVersion(options),
              sourceRef: { kind: 'HelmRepository', name },
            }
          : {
              // The generated chart in the config repo; its Chart.yaml version pins it.
              chart: `./${chartDir(name)}`,
              sourceRef: {
                kind: 'GitRepository',
                name: sourceName,
                namespace: 'flux-system',
              },
            },
      },
      valuesFrom: [{ kind: 'ConfigMap', name: `${name}-values` }],
    },
  });
  return yamlDocs(...docs);
}

/**
 * `apps/<service>/overlays/<env>/values.yaml` for every engine and, for Flux,
 * a kustomization beside it: the HelmRelease (and HelmRepository) with the
 * values as a ConfigMap, so the Flux Kustomization of the environment stays
 * as for Kustomize packaging.
 */
export function helmEnvironmentFiles(
  options: NewServiceManifestOptions,
  env: ServiceEnvironment,
  fluxSourceName?: string,
): Record<string, string> {
  const dir = `apps/${options.name}/overlays/${env.name}`;
  let values = yamlDocs(environmentValues(options, env));
  if (automatedEnvironment(options) === env.name) {
    values = withSetterMarkers(values, options.name);
  }
  const files: Record<string, string> = { [`${dir}/values.yaml`]: values };
  if (fluxSourceName !== undefined) {
    files[`${dir}/release.yaml`] = fluxRelease(options, env, fluxSourceName);
    files[`${dir}/kustomization.yaml`] = yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: options.name,
      resources: ['release.yaml'],
      configMapGenerator: [
        { name: `${options.name}-values`, files: ['values.yaml'] },
      ],
      // The HelmRelease names the ConfigMap; kustomize does not know to rewrite that reference.
      generatorOptions: { disableNameSuffixHash: true },
      labels: [
        {
          pairs: { team: options.team, env: env.name },
          includeSelectors: false,
        },
      ],
    });
  }
  return files;
}
