import { InputError } from '@backstage/errors';
import {
  ConfigRepoReader,
  ConfigRepoTreeEntry,
  parseManifests,
} from '@gitops-portal/plugin-gitops-node';
import { posix } from 'node:path';
import { DesiredSource } from './types';

/** How the source path is rendered, as Argo CD detects it: a kustomization, a Helm chart, or plain manifests. */
export type Renderer = 'kustomize' | 'helm' | 'directory';

/** The files a render needs, by repo path, and how to render them. */
export interface Checkout {
  renderer: Renderer;
  files: Record<string, string>;
  /** Helm values files, repo paths in order. */
  valuesFiles: string[];
}

/** A render reads at most this many files from the config repo. */
const MAX_FILES = 400;

const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];
/** Kustomization fields that name other directories or files to build from. */
const REFERENCE_KEYS = ['resources', 'components', 'bases'];
const MANIFEST = /\.(ya?ml|json)$/i;

/** kustomize would fetch these over the network (git or HTTP): the portal never renders them. */
const isRemote = (reference: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
  /^git@/.test(reference) ||
  /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference) ||
  /\?(ref|version)=/.test(reference);

const joinPath = (dir: string, reference: string) => {
  const joined = posix.normalize(posix.join(dir, reference));
  if (joined.startsWith('..') || posix.isAbsolute(joined)) {
    throw new InputError(
      `${dir}: the reference "${reference}" leaves the config repo`,
    );
  }
  return joined;
};

/** The repo paths a kustomization file references (resources, components, bases, patch files). */
function referencesOf(text: string): string[] {
  const references: string[] = [];
  for (const doc of parseManifests(text)) {
    for (const key of REFERENCE_KEYS) {
      if (Array.isArray(doc[key])) references.push(...doc[key]);
    }
    for (const patch of Array.isArray(doc.patches) ? doc.patches : []) {
      if (typeof patch?.path === 'string') references.push(patch.path);
    }
    if (Array.isArray(doc.patchesStrategicMerge)) {
      references.push(...doc.patchesStrategicMerge);
    }
  }
  return references.filter((r): r is string => typeof r === 'string');
}

/**
 * Reads what rendering `source.path` at `source.revision` needs: for a kustomization, every directory it reaches
 * through its references (each directory's own files); for a chart, the chart and its values files; for plain
 * manifests, the directory's YAML and JSON files. Remote kustomize references are refused.
 */
export async function readCheckout(
  reader: ConfigRepoReader,
  source: DesiredSource,
): Promise<Checkout> {
  const tree = await reader.readTree(source.revision);
  const blobs = new Map(
    tree.entries
      .filter(entry => entry.type === 'blob')
      .map(entry => [entry.path, entry] as const),
  );
  const dirs = new Set(
    tree.entries.filter(e => e.type === 'tree').map(e => e.path),
  );
  const root = source.path === '.' ? '' : source.path;
  const inDir = (dir: string) => (entry: ConfigRepoTreeEntry) =>
    posix.dirname(entry.path) === (dir === '' ? '.' : dir);
  const under = (dir: string) => (entry: ConfigRepoTreeEntry) =>
    dir === '' || entry.path.startsWith(`${dir}/`);
  const chosen = new Map<string, ConfigRepoTreeEntry>();
  const take = (entries: ConfigRepoTreeEntry[]) =>
    entries.forEach(entry => chosen.set(entry.path, entry));
  const all = [...blobs.values()];
  const fileIn = (dir: string, name: string) =>
    blobs.get(dir === '' ? name : `${dir}/${name}`);

  if (root !== '' && !dirs.has(root)) {
    throw new InputError(
      `${source.path} is no directory of the config repo at ${source.revision}`,
    );
  }
  let renderer: Renderer = 'directory';
  let valuesFiles: string[] = [];
  if (KUSTOMIZATION_FILES.some(name => fileIn(root, name))) {
    renderer = 'kustomize';
    const queue = [root];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const dir = queue.shift()!;
      if (seen.has(dir)) continue;
      seen.add(dir);
      take(all.filter(inDir(dir)));
      const file = KUSTOMIZATION_FILES.map(name => fileIn(dir, name)).find(
        Boolean,
      );
      if (!file) continue;
      for (const reference of referencesOf(await reader.readBlob(file.sha))) {
        if (isRemote(reference)) {
          throw new InputError(
            `${file.path}: the remote reference "${reference}" is not rendered (the portal fetches nothing but the config repo)`,
          );
        }
        const target = joinPath(dir, reference);
        if (dirs.has(target)) queue.push(target);
        else if (blobs.has(target)) take([blobs.get(target)!]);
      }
    }
  } else if (fileIn(root, 'Chart.yaml')) {
    renderer = 'helm';
    valuesFiles = (source.helm?.valueFiles ?? []).map(file =>
      joinPath(root, file),
    );
    take(all.filter(under(root)));
    take(valuesFiles.flatMap(file => blobs.get(file) ?? []));
  } else {
    take(all.filter(inDir(root)).filter(entry => MANIFEST.test(entry.path)));
  }
  if (chosen.size > MAX_FILES) {
    throw new InputError(
      `${source.path} needs ${chosen.size} files to render; the live diff reads at most ${MAX_FILES}`,
    );
  }
  const files: Record<string, string> = {};
  for (const entry of chosen.values()) {
    files[entry.path] = await reader.readBlob(entry.sha);
  }
  return { renderer, files, valuesFiles };
}
