import { InputError } from '@backstage/errors';
import { workloadFiles } from './base';
import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions } from './types';

/** Placeholders swapped for Helm expressions after the objects are serialised. */
const ENV = '__HELM_ENV__';
const IMAGE = '__HELM_IMAGE__';
const REPLICAS = '__HELM_REPLICAS__';

const HELM_EXPRESSIONS: Record<string, string> = {
  [ENV]: '{{ .Values.env | quote }}',
  [IMAGE]:
    '"{{ .Values.image.repository }}{{ if .Values.image.digest }}@{{ .Values.image.digest }}{{ else }}:{{ required "image.tag or image.digest" .Values.image.tag }}{{ end }}"',
  [REPLICAS]: '{{ .Values.replicaCount }}',
};

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** True when the chart comes from a chart repository rather than from the config repo. */
export const isRemoteChart = (options: NewServiceManifestOptions) =>
  !!options.chart?.repoUrl;

export const chartName = (options: NewServiceManifestOptions) =>
  options.chart?.name ?? options.name;

export const chartVersion = (options: NewServiceManifestOptions) =>
  options.chart?.version ?? '0.1.0';

/** `apps/<service>/chart`: the chart directory of a generated chart. */
export const chartDir = (service: string) => `apps/${service}/chart`;

/** Throws InputError for Helm options that cannot be delivered as asked. */
export function assertHelmOptions(options: NewServiceManifestOptions): void {
  if ((options.packaging ?? 'kustomize') !== 'helm') {
    if (
      options.chart ||
      options.environments.some(e => Object.keys(e.values ?? {}).length > 0)
    ) {
      throw new InputError('chart and environment values need packaging: helm');
    }
    return;
  }
  if (options.migration) {
    throw new InputError(
      'A migration Job is not supported with packaging: helm',
    );
  }
  const version = chartVersion(options);
  if (!SEMVER.test(version)) {
    throw new InputError(
      `chart version "${version.slice(
        0,
        60,
      )}" must be an exact semver (e.g. 1.2.0), so the release is pinned`,
    );
  }
  const repoUrl = options.chart?.repoUrl;
  if (repoUrl !== undefined && !/^(https|oci):\/\/[^\s]+$/.test(repoUrl)) {
    throw new InputError(
      'chart repoUrl must be an https:// or oci:// chart repository',
    );
  }
  if (repoUrl !== undefined && !options.chart?.version) {
    throw new InputError(
      'A chart from a chart repository needs an exact version',
    );
  }
}

function templated(
  object: Record<string, any>,
  options: NewServiceManifestOptions,
) {
  const copy = JSON.parse(JSON.stringify(object));
  copy.metadata.labels = {
    ...copy.metadata.labels,
    team: options.team,
    env: ENV,
  };
  const containers = copy.spec?.template?.spec?.containers;
  if (Array.isArray(containers) && containers[0]?.image === options.image) {
    containers[0].image = IMAGE;
    // With an HPA the autoscaler owns replicas.
    if (!options.hpa) copy.spec = { replicas: REPLICAS, ...copy.spec };
  }
  let text = yamlDocs(copy);
  for (const [placeholder, expression] of Object.entries(HELM_EXPRESSIONS)) {
    text = text.split(placeholder).join(expression);
  }
  return text;
}

/**
 * A chart generated from the same objects as the Kustomize base: the image,
 * replicas and `env` label come from values, so one chart serves every
 * environment. Its version is pinned in Chart.yaml.
 */
export function helmChartFiles(
  options: NewServiceManifestOptions,
): Record<string, string> {
  const dir = chartDir(options.name);
  const files: Record<string, string> = {
    [`${dir}/Chart.yaml`]: yamlDocs({
      apiVersion: 'v2',
      name: chartName(options),
      description: `The ${options.name} service of team ${options.team}`,
      type: 'application',
      version: chartVersion(options),
    }),
    [`${dir}/values.yaml`]: yamlDocs({
      env: '',
      image: { repository: options.image, tag: '', digest: '' },
      replicaCount: 1,
    }),
  };
  for (const { file, object } of workloadFiles(options)) {
    files[`${dir}/templates/${file}`] = templated(object, options);
  }
  return files;
}
