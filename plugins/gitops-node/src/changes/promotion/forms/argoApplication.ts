import { Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { PinForm, VersionPin } from '../types';
import {
  identityOf,
  mapAt,
  NodePath,
  scalarText,
  seqMapsAt,
  splitImageRef,
  writeFields,
} from '../yamlNodes';

/** The sources of an Argo CD Application: `spec.source`, or each of `spec.sources[]` (multi-source). */
export function sourcesOf(
  doc: Document,
): Array<{ at: NodePath; map: YAMLMap }> {
  const { apiVersion, kind } = identityOf(doc);
  if (kind !== 'Application' || !apiVersion.startsWith('argoproj.io/')) {
    return [];
  }
  const single = mapAt(doc, ['spec', 'source']);
  const many = seqMapsAt(doc, ['spec', 'sources']).map(({ index, map }) => ({
    at: ['spec', 'sources', index] as NodePath,
    map,
  }));
  return single ? [{ at: ['spec', 'source'], map: single }, ...many] : many;
}

/** A Helm chart source (`chart` from a Helm repository or OCI registry) is pinned by its `targetRevision`. */
const chartKey = (map: YAMLMap) => {
  const chart = scalarText(map, 'chart');
  return chart
    ? `argocd-helm-revision:${scalarText(map, 'repoURL') ?? ''}|${chart}`
    : undefined;
};

/** An `images:` override of Argo CD's Kustomize source: `[<name>=]<image>[:<tag>][@<digest>]`. */
function overrideName(override: string): string {
  const eq = override.indexOf('=');
  return eq >= 0 ? override.slice(0, eq) : splitImageRef(override).repository;
}

function kustomizeOverrides(map: YAMLMap) {
  const kustomize = map.get('kustomize', true);
  const images = isMap(kustomize) ? kustomize.get('images', true) : undefined;
  if (!isSeq(images)) return [];
  return images.items.flatMap((item, index) =>
    isScalar(item) && typeof item.value === 'string'
      ? [{ index, item, value: item.value }]
      : [],
  );
}

/**
 * Argo CD Applications: a Helm source's `targetRevision` (single and multi-source, matched by repoURL and
 * chart), and the Kustomize source's `images` overrides (matched by image name).
 */
export const argoApplication: PinForm = {
  name: 'argocd-helm-revision',
  find(doc, path) {
    const { name } = identityOf(doc);
    return sourcesOf(doc).flatMap(({ at, map }): VersionPin[] => {
      const pins: VersionPin[] = [];
      const key = chartKey(map);
      const revision = scalarText(map, 'targetRevision');
      if (key && revision) {
        pins.push({
          form: 'argocd-helm-revision',
          key,
          path,
          label: `Application ${name} ${at.join('.')}.targetRevision`,
          fields: { targetRevision: revision },
          version: revision,
        });
      }
      for (const { index, value } of kustomizeOverrides(map)) {
        const image = overrideName(value);
        const ref = splitImageRef(value.slice(value.indexOf('=') + 1));
        const version = ref.digest ?? ref.tag;
        if (!version) continue;
        pins.push({
          form: 'argocd-kustomize-image',
          key: `argocd-kustomize-image:${image}`,
          path,
          label: `Application ${name} ${at.join(
            '.',
          )}.kustomize.images[${index}]`,
          fields: { image: value },
          version,
        });
      }
      return pins;
    });
  },
  write(doc, pin) {
    let wrote = false;
    for (const { map } of sourcesOf(doc)) {
      if (pin.form === 'argocd-helm-revision' && chartKey(map) === pin.key) {
        writeFields(map, pin.fields);
        wrote = true;
      }
      if (pin.form !== 'argocd-kustomize-image') continue;
      const image = pin.key.slice('argocd-kustomize-image:'.length);
      for (const { item, value } of kustomizeOverrides(map)) {
        if (overrideName(value) !== image) continue;
        item.value = pin.fields.image;
        wrote = true;
      }
    }
    return wrote;
  },
};
