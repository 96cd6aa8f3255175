import { InputError } from '@backstage/errors';
import {
  assertDns1123Label,
  assertNoTemplateExpressions,
} from '../changes/safety';
import { baseFiles, fluxMigrationBaseFiles } from './base';
import { assertDriftPolicy } from './driftPolicy';
import { assertHelmOptions, helmChartFiles, isRemoteChart } from './helmChart';
import { helmEnvironmentFiles } from './helmValues';
import { imageAutomationFiles } from './imageAutomation';
import {
  argoApplicationFiles,
  argoApplicationSetFiles,
  fluxKustomizationFiles,
} from './delivery';
import { overlayFiles } from './overlays';
import { appProjectFiles, namespaceFiles } from './team';
import { NewServiceManifestOptions } from './types';

const IMAGE_REPOSITORY =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(\/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Throws InputError unless `image` is a repository without tag or digest.
 *
 * @public
 */
export function assertImageRepository(image: string, what = 'image'): void {
  if (typeof image !== 'string' || !IMAGE_REPOSITORY.test(image)) {
    throw new InputError(
      `${what} "${String(image).slice(
        0,
        200,
      )}" is not an image repository (lower-case, no tag or digest)`,
    );
  }
}

/**
 * Throws InputError unless exactly one of tag and digest is given and it is immutable.
 *
 * @public
 */
export function assertImmutableImageRef(
  ref: { imageTag?: string; imageDigest?: string },
  where: string,
): void {
  const { imageTag, imageDigest } = ref;
  if ((imageTag === undefined) === (imageDigest === undefined)) {
    throw new InputError(
      `${where}: give exactly one of imageTag and imageDigest`,
    );
  }
  if (
    imageTag !== undefined &&
    (!IMAGE_TAG.test(imageTag) || imageTag.toLowerCase() === 'latest')
  ) {
    throw new InputError(
      `${where}: image tag "${imageTag.slice(0, 130)}" is not an immutable tag`,
    );
  }
  if (imageDigest !== undefined && !IMAGE_DIGEST.test(imageDigest)) {
    throw new InputError(
      `${where}: image digest must be sha256:<64 hex digits>`,
    );
  }
}

function assertOptions(options: NewServiceManifestOptions): void {
  assertDns1123Label(options.name, 'Service name');
  assertDns1123Label(options.team, 'Team name');
  assertImageRepository(options.image);
  if (options.migration?.image)
    assertImageRepository(options.migration.image, 'migration image');
  if (options.migration?.order && options.delivery.engine !== 'argocd') {
    // Flux orders the migration by the app Kustomization's dependsOn, not by Argo CD's hooks or waves.
    throw new InputError(
      'migration.order is an Argo CD setting: omit it with engine flux',
    );
  }
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(`port ${port} is not a TCP port`);
  }
  if (
    !Array.isArray(options.environments) ||
    options.environments.length === 0
  ) {
    throw new InputError('A service needs at least one environment');
  }
  const seen = new Set<string>();
  for (const env of options.environments) {
    assertDns1123Label(env.name, 'Environment name');
    if (seen.has(env.name))
      throw new InputError(`Environment ${env.name} is listed twice`);
    seen.add(env.name);
    assertImmutableImageRef(env, `Environment ${env.name}`);
    assertDriftPolicy(env, options.delivery.engine);
    if (
      !Number.isInteger(env.replicas) ||
      env.replicas < 0 ||
      env.replicas > 1000
    ) {
      throw new InputError(
        `Environment ${env.name}: replicas must be an integer from 0 to 1000`,
      );
    }
  }
  if (
    options.hpa &&
    !(
      options.hpa.minReplicas >= 1 &&
      options.hpa.maxReplicas >= options.hpa.minReplicas
    )
  ) {
    throw new InputError('hpa needs 1 <= minReplicas <= maxReplicas');
  }
  const home =
    options.delivery.engine === 'argocd'
      ? options.delivery.applicationSetEnvironment
      : undefined;
  if (home !== undefined && !seen.has(home)) {
    throw new InputError(
      `applicationSetEnvironment ${home} is not one of the environments`,
    );
  }
  assertHelmOptions(options);
  assertVariantOptions(options);
}

/** Progressive delivery and image automation options that cannot work as asked. */
function assertVariantOptions(options: NewServiceManifestOptions): void {
  const steps = options.progressiveDelivery?.steps;
  if (steps?.length === 0) {
    throw new InputError('progressiveDelivery.steps needs at least one step');
  }
  for (const step of steps ?? []) {
    if (
      !Number.isInteger(step.setWeight) ||
      step.setWeight < 1 ||
      step.setWeight > 100
    ) {
      throw new InputError(
        'progressiveDelivery.steps: setWeight must be an integer from 1 to 100',
      );
    }
  }
  const analysis = options.progressiveDelivery?.analysis;
  if (analysis && !/^https?:\/\/[^\s]+$/.test(analysis.prometheusAddress)) {
    throw new InputError(
      'progressiveDelivery.analysis.prometheusAddress must be an http(s) URL',
    );
  }
  const rate = analysis?.successRateThreshold;
  if (rate !== undefined && !(rate > 0 && rate <= 1)) {
    throw new InputError(
      'successRateThreshold is a fraction in (0, 1], e.g. 0.95',
    );
  }
  if (options.imageAutomation?.mode !== 'flux') return;
  if (options.delivery.engine !== 'flux') {
    throw new InputError('imageAutomation mode flux needs engine flux');
  }
  if (!options.environments[0].imageTag) {
    throw new InputError(
      `Flux image automation updates a tag: environment ${options.environments[0].name} needs imageTag, not a digest`,
    );
  }
  const policy = options.imageAutomation.policy;
  if (
    policy &&
    'timestampPattern' in policy &&
    !policy.timestampPattern.includes('(?P<ts>')
  ) {
    throw new InputError(
      'imageAutomation timestampPattern needs a named group (?P<ts>...)',
    );
  }
}

const isChartTemplate = (path: string) =>
  /^apps\/[^/]+\/chart\/templates\//.test(path);

/**
 * Every file of a new service in the config repo, as path → text (a pure
 * function: no I/O). Layout: `apps/<service>/base`, `apps/<service>/overlays/<env>`,
 * `clusters/<env>/{argocd|flux}/<service>.yaml`, `clusters/<env>/namespaces/<service>.yaml`
 * and, for Argo CD, `clusters/<env>/argocd/projects/<team>.yaml`.
 * Throws InputError for names that are not DNS-1123, mutable tags and the like.
 *
 * @public
 */
export function generateServiceManifests(
  options: NewServiceManifestOptions,
): Record<string, string> {
  assertOptions(options);
  const delivery = options.delivery;
  const fluxSource =
    delivery.engine === 'flux'
      ? delivery.sourceName ?? 'gitops-config'
      : undefined;
  const files: Record<string, string> = {};
  if (options.packaging === 'helm') {
    if (!isRemoteChart(options)) Object.assign(files, helmChartFiles(options));
    for (const env of options.environments)
      Object.assign(files, helmEnvironmentFiles(options, env, fluxSource));
  } else {
    Object.assign(files, baseFiles(options));
    if (options.migration && delivery.engine === 'flux') {
      Object.assign(files, fluxMigrationBaseFiles(options));
    }
    for (const env of options.environments)
      Object.assign(files, overlayFiles(options, env));
  }
  Object.assign(files, namespaceFiles(options));
  if (fluxSource !== undefined) {
    Object.assign(files, imageAutomationFiles(options, fluxSource, 'main'));
  }
  if (delivery.engine === 'argocd') {
    const revision = delivery.targetRevision ?? 'main';
    Object.assign(files, appProjectFiles(options, delivery.repoUrl));
    Object.assign(
      files,
      delivery.mode === 'applicationset'
        ? argoApplicationSetFiles(
            options,
            delivery.repoUrl,
            revision,
            delivery.applicationSetEnvironment ?? options.environments[0].name,
          )
        : argoApplicationFiles(options, delivery.repoUrl, revision),
    );
  } else {
    Object.assign(files, fluxKustomizationFiles(options, fluxSource!));
  }
  for (const [path, text] of Object.entries(files)) {
    // A chart's templates are Helm templates; only `${{ }}` is refused there.
    if (isChartTemplate(path)) {
      if (text.includes('${{')) assertNoTemplateExpressions(path, text);
    } else assertNoTemplateExpressions(path, text);
  }
  return files;
}
