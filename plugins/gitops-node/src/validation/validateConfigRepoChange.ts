import { assertSafeRepoPath } from '../changes/safety';
import { withTempCheckout } from './tempCheckout';
import { renderKustomization } from './kustomize';
import { remoteBaseViolations } from './remoteBases';
import { objectId, parseManifests } from './objects';
import { builtInRuleSeverity, CheckContext, checkObject } from './checkObject';
import { RuleSettings } from './config';
import { loadEstatePolicies } from './policies/loadEstatePolicies';
import {
  HelmReleaseTarget,
  remoteChartNotes,
  validateHelmRelease,
} from './helm';
import { isPlaintextSecret, PLAINTEXT_SECRET_PROBLEM } from './policy';
import { ClusterEstate, clusterSource, isAvailable } from './clusterEstate';
import { CrdSource, createSchemaValidator, KubernetesVersion } from './schema';
import {
  ManifestObject,
  SkippedPolicy,
  ValidatedTarget,
  ValidationResult,
  Violation,
} from './types';

/**
 * Options of `validateConfigRepoChange`: the files of the temp checkout and what of them to render and check.
 *
 * @public
 */
export interface ValidateConfigRepoChangeOptions {
  /** Repo files to write to the temp checkout: what the overlays need from the base branch plus the changed files. */
  checkoutFiles: Record<string, string>;
  /** Overlay directories to render with kustomize, e.g. `apps/web/overlays/dev`. */
  touchedOverlays: string[];
  /** Plain manifest files (e.g. `clusters/dev/argocd/web.yaml`) checked without rendering. */
  manifestFiles?: string[];
  /** Changed files that are scanned for plaintext Secrets even when no overlay renders them. */
  secretScanFiles?: string[];
  /** Helm releases of generated charts to render with `helm template`. */
  helmReleases?: HelmReleaseTarget[];
  /** `kubectl` binary with kustomize built in (default `kubectl` on PATH). */
  kubectlPath?: string;
  /** `helm` binary for Helm releases (default `helm` on PATH). */
  helmPath?: string;
  /** Per-overlay render timeout. */
  timeoutMs?: number;
  /** The built-in rules' settings (`gitops.validation.rules`); absent rules are errors, enabled, without exceptions. */
  rules?: RuleSettings;
  /** The estate's own policy files (path → text, from the config repo's policy paths at the base branch). */
  policyFiles?: Record<string, string>;
  /** CRD files of the config repo (path → text, from `gitops.validation.crds.paths` at the base branch). */
  crdFiles?: Record<string, string>;
  /** The Kubernetes version whose API schema built-in kinds are checked against (default the newest shipped). */
  kubernetesVersion?: KubernetesVersion;
  /** What the change's target clusters hold (CRDs, policies), read through the backend; absent: none asked. */
  clusterEstates?: ClusterEstate[];
}

/** A finding that stops the pull request (anything but a warning). */
export const isBlocking = (v: Violation) => v.severity !== 'warning';

const isYaml = (path: string) => /\.ya?ml$/i.test(path);
const isKustomizeConfig = (object: ManifestObject) =>
  typeof object.apiVersion === 'string' &&
  object.apiVersion.startsWith('kustomize.config.k8s.io/');

/** A Helm chart's template (a `templates/` file beside a Chart.yaml): Go templates, not YAML. */
function isChartTemplate(path: string, files: Record<string, string>) {
  const at = path.lastIndexOf('/templates/');
  return at >= 0 && files[`${path.slice(0, at)}/Chart.yaml`] !== undefined;
}

/** Maps `Kind/name` to the checkout file that declares it, so overlay violations can name a source file. */
function sourceIndex(files: Record<string, string>, prefix: string) {
  const index = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(prefix) || !isYaml(path)) continue;
    if (isChartTemplate(path, files)) continue;
    try {
      for (const object of parseManifests(text)) {
        if (!isKustomizeConfig(object)) index.set(objectId(object), path);
      }
    } catch {
      // kustomize reports unparsable files itself
    }
  }
  return index;
}

async function validateOverlay(
  root: string,
  overlay: string,
  options: ValidateConfigRepoChangeOptions,
  context: CheckContext,
): Promise<ValidatedTarget> {
  const kustomizationFile = `${overlay}/kustomization.yaml`;
  const service = overlay.split('/').slice(0, 2).join('/');
  const remote = remoteBaseViolations(options.checkoutFiles, `${service}/`);
  if (remote.length > 0) {
    return { path: overlay, kind: 'overlay', objects: 0, violations: remote };
  }
  let objects: ManifestObject[];
  try {
    const rendered = await renderKustomization({
      kubectlPath: options.kubectlPath ?? 'kubectl',
      root,
      overlay,
      timeoutMs: options.timeoutMs,
    });
    objects = parseManifests(rendered);
  } catch (error) {
    const message = `kubectl kustomize ${overlay} failed: ${
      (error as Error).message
    }`;
    return {
      path: overlay,
      kind: 'overlay',
      objects: 0,
      violations: [
        { file: kustomizationFile, object: '', rule: 'render', message },
      ],
    };
  }
  const sources = sourceIndex(options.checkoutFiles, `${service}/`);
  // The overlay pins image tags, so a tag violation belongs to its kustomization.yaml.
  const violations = objects
    .flatMap(object =>
      checkObject(
        object,
        sources.get(objectId(object)) ?? kustomizationFile,
        true,
        context,
      ),
    )
    .map(v =>
      v.rule === 'immutable-image-tag' ? { ...v, file: kustomizationFile } : v,
    );
  return {
    path: overlay,
    kind: 'overlay',
    objects: objects.length,
    violations,
  };
}

function validateManifest(
  path: string,
  text: string,
  context: CheckContext,
): ValidatedTarget {
  let objects: ManifestObject[];
  try {
    objects = parseManifests(text).filter(object => !isKustomizeConfig(object));
  } catch (error) {
    return {
      path,
      kind: 'manifest',
      objects: 0,
      violations: [
        {
          file: path,
          object: '',
          rule: 'schema',
          message: `not valid YAML: ${(error as Error).message}`,
        },
      ],
    };
  }
  const violations = objects.flatMap(object =>
    checkObject(object, path, false, context),
  );
  return { path, kind: 'manifest', objects: objects.length, violations };
}

function scanForSecrets(
  path: string,
  text: string,
  rules: RuleSettings | undefined,
): Violation[] {
  try {
    return parseManifests(text)
      .filter(isPlaintextSecret)
      .flatMap(object => {
        const severity = builtInRuleSeverity(
          object,
          'no-plaintext-secret',
          rules,
        );
        if (severity === 'off') return [];
        return [
          {
            file: path,
            object: objectId(object),
            rule: 'no-plaintext-secret' as const,
            message: `${objectId(object)} ${PLAINTEXT_SECRET_PROBLEM}`,
            ...(severity === 'warning' ? { severity } : {}),
          },
        ];
      });
  } catch {
    return [];
  }
}

/**
 * Validates a change before it is pushed: writes `checkoutFiles` to a temp
 * dir, renders every touched overlay with real kustomize, checks the rendered
 * objects' schema and the policy rules, and checks plain manifests the same
 * way (minus `team-env-labels`). Never throws for a failing rule; the result
 * lists every violation.
 *
 * @public
 */
export async function validateConfigRepoChange(
  options: ValidateConfigRepoChangeOptions,
): Promise<ValidationResult> {
  return withTempCheckout('gitops-validate-', options.checkoutFiles, root =>
    validateCheckout(root, options),
  );
}

async function validateCheckout(
  root: string,
  options: ValidateConfigRepoChangeOptions,
): Promise<ValidationResult> {
  // The change's own files first: a CRD it edits wins over the base branch's copy.
  const baseFiles = Object.fromEntries(
    Object.entries({ ...options.crdFiles, ...options.policyFiles }).filter(
      ([path]) => options.checkoutFiles[path] === undefined,
    ),
  );
  const repoObjects = [
    ...parsedYamlFiles(options.checkoutFiles),
    ...parsedYamlFiles(baseFiles),
  ];
  const clusters = options.clusterEstates ?? [];
  const readable = clusters.filter(isAvailable);
  const clusterPolicies = readable.flatMap(estate =>
    estate.policyObjects.map(object => ({
      file: clusterSource(estate.cluster),
      object,
    })),
  );
  const policies =
    options.policyFiles || clusterPolicies.length > 0
      ? loadEstatePolicies(
          options.policyFiles ?? {},
          parsedYamlFiles(options.checkoutFiles).map(({ object }) => object),
          clusterPolicies,
        )
      : undefined;
  // The config repo's CRDs first: the change may bring a new version of a CRD the cluster still serves the old way.
  const crds: CrdSource[] = [
    ...repoObjects.map(({ file, object }) => ({ crd: object, source: file })),
    ...readable.flatMap(estate =>
      estate.crds.map(crd => ({
        crd,
        source: clusterSource(estate.cluster),
      })),
    ),
  ];
  const notSchemaChecked = new Map<string, SkippedPolicy>();
  const context: CheckContext = {
    rules: options.rules,
    policies,
    schema: createSchemaValidator({
      kubernetesVersion: options.kubernetesVersion,
      crds,
    }),
    notSchemaChecked: skipped => {
      if (!notSchemaChecked.has(skipped.policy)) {
        notSchemaChecked.set(skipped.policy, skipped);
      }
    },
  };
  const overlays: ValidatedTarget[] = [];
  for (const overlay of options.touchedOverlays) {
    assertSafeRepoPath(overlay);
    overlays.push(await validateOverlay(root, overlay, options, context));
  }
  for (const target of options.helmReleases ?? []) {
    [target.chart, ...target.valuesFiles].forEach(assertSafeRepoPath);
    overlays.push(
      await validateHelmRelease({
        root,
        target,
        helmPath: options.helmPath,
        timeoutMs: options.timeoutMs,
        context,
      }),
    );
  }
  const manifests = (options.manifestFiles ?? [])
    .filter(path => options.checkoutFiles[path] !== undefined)
    .map(path => validateManifest(path, options.checkoutFiles[path], context));
  const seen = new Set(
    [...overlays, ...manifests]
      .flatMap(t => t.violations)
      .map(v => `${v.file}|${v.object}|${v.rule}`),
  );
  const secretViolations = (options.secretScanFiles ?? [])
    .filter(
      path =>
        isYaml(path) &&
        options.checkoutFiles[path] !== undefined &&
        !isChartTemplate(path, options.checkoutFiles),
    )
    .flatMap(path =>
      scanForSecrets(path, options.checkoutFiles[path], options.rules),
    )
    .filter(v => !seen.has(`${v.file}|${v.object}|${v.rule}`));
  if (secretViolations.length > 0) {
    manifests.push(
      ...groupByFile(secretViolations).map(([path, violations]) => ({
        path,
        kind: 'manifest' as const,
        objects: violations.length,
        violations,
      })),
    );
  }
  const violations = [...overlays, ...manifests].flatMap(t => t.violations);
  const notes = [
    ...remoteChartNotes(parsedYamlFiles(options.checkoutFiles)),
    ...clusters
      .filter(estate => !isAvailable(estate))
      .map(
        estate =>
          `The estate of cluster ${
            estate.cluster
          } (CRDs, policies) could not be read: ${
            (estate as { unavailable: string }).unavailable
          }; its CRD schemas and policies were not applied.`,
      ),
  ];
  const skipped = [...(policies?.skipped ?? []), ...notSchemaChecked.values()];
  return {
    ok: !violations.some(isBlocking),
    overlays,
    manifests,
    violations,
    ...(notes.length > 0 ? { notes } : {}),
    ...(policies ? { policies: policies.names } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

/** Every object of every parsable YAML file (unparsable ones are reported elsewhere). */
function parsedYamlFiles(files: Record<string, string>) {
  return Object.entries(files)
    .filter(([path]) => isYaml(path) && !isChartTemplate(path, files))
    .flatMap(([file, text]) => {
      try {
        return parseManifests(text).map(object => ({ file, object }));
      } catch {
        return [];
      }
    });
}

function groupByFile(violations: Violation[]): Array<[string, Violation[]]> {
  const groups = new Map<string, Violation[]>();
  for (const v of violations)
    groups.set(v.file, [...(groups.get(v.file) ?? []), v]);
  return [...groups];
}
