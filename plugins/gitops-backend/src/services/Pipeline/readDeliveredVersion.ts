import type { RunningVersion } from '@gitops-portal/plugin-gitops-common';
import type { ConfigRepoReader } from '@gitops-portal/plugin-gitops-node';
import { posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { versionFromManifests } from './runningVersion';

/** kustomize's own file names for a kustomization, in the order it looks for them. */
const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];
/** Bases nest a few levels (overlay → base → component); deeper is a cycle or not worth the reads. */
const MAX_DEPTH = 5;

type Doc = Record<string, unknown>;

function yamlDocs(text: string): unknown[] {
  return parseAllDocuments(text)
    .filter(doc => doc.errors.length === 0)
    .map(doc => doc.toJS());
}

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Helm values files merged as Helm merges them: later files win, maps merge key by key, lists are replaced. */
export function mergeHelmValues(files: unknown[]): Doc {
  const merge = (into: Doc, from: Doc): Doc => {
    const out = { ...into };
    for (const [key, value] of Object.entries(from)) {
      // A values file is repo content: its keys must not reach an object's prototype.
      if (key === '__proto__') continue;
      out[key] =
        isDoc(value) && isDoc(out[key]) ? merge(out[key] as Doc, value) : value;
    }
    return out;
  };
  return files.filter(isDoc).reduce<Doc>(merge, {});
}

/** A chart and the values it is rendered with, in the HelmRelease shape `versionFromManifests` reads both from. */
const helmReleaseShape = (chart: Doc | undefined, values: Doc) => ({
  kind: 'HelmRelease',
  spec: {
    chart: { spec: { chart: chart?.name, version: chart?.version } },
    values,
  },
});

/**
 * The image that Helm values files in the config repo pin (`image.repository`, `tag`, `digest`, after merging the
 * files in order) at one commit: what a remote chart runs when its values come from the config repo. A file the
 * commit lacks is skipped, as nothing of it is rendered.
 */
export async function readValuesVersion(
  reader: ConfigRepoReader,
  files: string[],
  revision: string,
): Promise<RunningVersion> {
  const texts = await Promise.all(
    files.map(file => reader.readFile(file, revision)),
  );
  const values = mergeHelmValues(
    texts.map(text => (text === undefined ? undefined : yamlDocs(text)[0])),
  );
  return versionFromManifests([helmReleaseShape(undefined, values)]);
}

const isRemote = (entry: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@');
const isYamlFile = (entry: string) => /\.ya?ml$/i.test(entry);

/** A repo path as kustomize and Argo CD write it (`./apps/x/`, `apps/x`) in one form. */
export function repoDir(path: string): string {
  return posix
    .normalize(path)
    .replace(/^(\.\/)+|\/+$/g, '')
    .replace(/^\.$/, '');
}

/**
 * What the config repo says a directory deploys at one commit: its kustomization's resources followed into their
 * bases (local paths only; remote bases are not fetched); else, for a Helm chart directory, the chart's version and
 * the image of its `values.yaml`; else its YAML files as Argo CD and Flux read a plain directory. The
 * kustomizations' `images:` apply innermost first.
 */
export async function readDeliveredVersion(
  reader: ConfigRepoReader,
  dir: string,
  revision: string,
): Promise<RunningVersion> {
  const manifests: unknown[] = [];
  const kustomizations: Doc[] = [];
  const seen = new Set<string>();

  async function readKustomization(path: string) {
    for (const name of KUSTOMIZATION_FILES) {
      const text = await reader.readFile(posix.join(path, name), revision);
      if (text !== undefined) return yamlDocs(text)[0] as Doc | undefined;
    }
    return undefined;
  }

  /** A Helm chart directory (Argo CD renders it): the chart's name and version, and the image its values pin. */
  async function readChart(path: string): Promise<boolean> {
    const chartText = await reader.readFile(
      posix.join(path, 'Chart.yaml'),
      revision,
    );
    if (chartText === undefined) return false;
    const chart = yamlDocs(chartText)[0] as Doc | undefined;
    const values = (yamlDocs(
      (await reader.readFile(posix.join(path, 'values.yaml'), revision)) ?? '',
    )[0] ?? {}) as Doc;
    manifests.push(helmReleaseShape(chart, values));
    return true;
  }

  async function visit(path: string, depth: number): Promise<void> {
    if (seen.has(path) || depth > MAX_DEPTH) return;
    seen.add(path);
    const kustomization = await readKustomization(path);
    if (!kustomization && (await readChart(path))) return;
    if (!kustomization) {
      for (const file of await reader.listFiles(path, revision)) {
        if (isYamlFile(file.path) && posix.dirname(file.path) === path) {
          manifests.push(...yamlDocs(await reader.readBlob(file.sha)));
        }
      }
      return;
    }
    const entries = [
      ...(Array.isArray(kustomization.resources)
        ? kustomization.resources
        : []),
      ...(Array.isArray(kustomization.bases) ? kustomization.bases : []),
      ...(Array.isArray(kustomization.components)
        ? kustomization.components
        : []),
    ].filter((entry): entry is string => typeof entry === 'string');
    for (const entry of entries) {
      if (isRemote(entry)) continue;
      const target = repoDir(posix.join(path, entry));
      if (isYamlFile(entry)) {
        const text = await reader.readFile(target, revision);
        if (text !== undefined) manifests.push(...yamlDocs(text));
      } else {
        await visit(target, depth + 1);
      }
    }
    kustomizations.push(kustomization);
  }

  await visit(repoDir(dir), 0);
  return versionFromManifests(manifests, kustomizations);
}
