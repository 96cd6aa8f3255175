import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CheckContext, checkObject } from './checkObject';
import { objectId } from './objects';
import { runRenderer } from './runRenderer';
import { ManifestObject, ValidatedTarget, Violation } from './types';

/**
 * One Helm release to render: a chart directory of the checkout and its values files.
 *
 * @public
 */
export interface HelmReleaseTarget {
  /** Chart directory in the repo, e.g. `apps/web/chart`. */
  chart: string;
  /** Values files in the repo, applied in order, e.g. `apps/web/overlays/dev/values.yaml`. */
  valuesFiles: string[];
  releaseName: string;
  namespace: string;
}

const VALUES_FILE = /^apps\/([^/]+)\/overlays\/([^/]+)\/values\.yaml$/;

/**
 * The Helm releases of a set of repo paths: one per
 * `apps/<svc>/overlays/<env>/values.yaml` whose service has a generated chart
 * (`apps/<svc>/chart/Chart.yaml`), released as `<svc>` in namespace `<svc>`.
 * `include` narrows the values files (e.g. to the overlays a change touches).
 */
export function helmReleaseTargets(
  paths: Iterable<string>,
  include: (valuesFile: string) => boolean = () => true,
): HelmReleaseTarget[] {
  const all = new Set(paths);
  return [...all]
    .filter(path => {
      const match = VALUES_FILE.exec(path);
      return (
        !!match && all.has(`apps/${match[1]}/chart/Chart.yaml`) && include(path)
      );
    })
    .sort()
    .map(values => {
      const service = values.split('/')[1];
      return {
        chart: `apps/${service}/chart`,
        valuesFiles: [values],
        releaseName: service,
        namespace: service,
      };
    });
}

/**
 * `helm template` with execFile (no shell), a timeout and an environment of
 * its own: HOME and Helm's cache/config/data dirs under the temp checkout, so
 * it reads no user repositories or credentials. Local charts need no network.
 *
 * @alpha
 */
export function helmTemplate(
  helmPath: string,
  root: string,
  target: HelmReleaseTarget,
  timeoutMs?: number,
): Promise<string> {
  const helmHome = join(root, '.helm-home');
  const args = [
    'template',
    target.releaseName,
    target.chart,
    '--namespace',
    target.namespace,
    ...target.valuesFiles.flatMap(file => ['--values', file]),
  ];
  return runRenderer({
    label: 'helm template',
    binary: helmPath,
    configKey: 'gitops.validation.helmPath',
    args,
    root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: helmHome,
      HELM_CACHE_HOME: join(helmHome, 'cache'),
      HELM_CONFIG_HOME: join(helmHome, 'config'),
      HELM_DATA_HOME: join(helmHome, 'data'),
    },
    timeoutMs,
  });
}

/** Rendered objects with the chart file each came from (Helm's `# Source: <chart>/templates/x.yaml`). */
function parseRendered(
  text: string,
  chart: string,
): Array<{ object: ManifestObject; file?: string }> {
  return parseAllDocuments(text).flatMap(doc => {
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
    const object = doc.toJSON();
    if (!object || typeof object !== 'object' || Array.isArray(object)) {
      return [];
    }
    // The comment sits before the document or before its first node, depending on the separator.
    const comments = `${doc.commentBefore ?? ''}\n${
      (doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ''
    }`;
    const source = /Source: [^/\s]+\/(\S+)/.exec(comments);
    return [{ object, file: source ? `${chart}/${source[1]}` : undefined }];
  });
}

/**
 * Renders one release with real `helm template` and applies the schema and
 * policy checks of an overlay (labels included). An image tag violation
 * belongs to the environment's values file, where the tag is pinned.
 */
export async function validateHelmRelease(options: {
  root: string;
  target: HelmReleaseTarget;
  helmPath?: string;
  timeoutMs?: number;
  context?: CheckContext;
}): Promise<ValidatedTarget> {
  const { target } = options;
  const path = `${target.chart} (${target.valuesFiles.join(', ')})`;
  const valuesFile = target.valuesFiles[target.valuesFiles.length - 1];
  let rendered;
  try {
    rendered = parseRendered(
      await helmTemplate(
        options.helmPath ?? 'helm',
        options.root,
        target,
        options.timeoutMs,
      ),
      target.chart,
    );
  } catch (error) {
    const violation: Violation = {
      file: valuesFile ?? `${target.chart}/Chart.yaml`,
      object: '',
      rule: 'render',
      message: `helm template ${target.chart} failed: ${
        (error as Error).message
      }`,
    };
    return { path, kind: 'helm', objects: 0, violations: [violation] };
  }
  const violations = rendered.flatMap(({ object, file }) =>
    checkObject(
      object,
      file ?? `${target.chart}/Chart.yaml`,
      true,
      options.context,
    ).map(v =>
      v.rule === 'immutable-image-tag' && valuesFile
        ? { ...v, file: valuesFile }
        : v,
    ),
  );
  return { path, kind: 'helm', objects: rendered.length, violations };
}

/** What a remote chart reference looks like in a Flux HelmRelease or an Argo CD Application(Set). */
function remoteChartsOf(object: ManifestObject): string[] {
  if (object.kind === 'HelmRelease') {
    const spec = object.spec?.chart?.spec;
    if (spec && spec.sourceRef?.kind === 'HelmRepository') {
      return [`${spec.chart}@${spec.version ?? '(no version)'}`];
    }
    if (object.spec?.chartRef?.kind === 'OCIRepository') {
      return [`OCIRepository/${object.spec.chartRef.name}`];
    }
    return [];
  }
  if (object.kind === 'Application' || object.kind === 'ApplicationSet') {
    const spec =
      object.kind === 'Application' ? object.spec : object.spec?.template?.spec;
    const sources = [spec?.source, ...(spec?.sources ?? [])];
    return sources
      .filter(s => s && typeof s.chart === 'string')
      .map(s => `${s.repoURL}/${s.chart}@${s.targetRevision}`);
  }
  return [];
}

/**
 * Notes for remote charts: validation works offline, so a chart repository's
 * chart is not fetched or rendered; its values files and the objects around
 * it are still checked.
 */
export function remoteChartNotes(
  objects: Array<{ file: string; object: ManifestObject }>,
): string[] {
  const notes = new Set<string>();
  for (const { file, object } of objects) {
    for (const chart of remoteChartsOf(object)) {
      notes.add(
        `${file}: ${objectId(
          object,
        )} uses the remote chart ${chart}; it was not rendered (validation does not fetch charts), so only the objects around it and its values were checked.`,
      );
    }
  }
  return [...notes];
}
