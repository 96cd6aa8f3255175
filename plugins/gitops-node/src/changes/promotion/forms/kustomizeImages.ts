import { Document, YAMLMap } from 'yaml';
import { PinForm, VersionPin } from '../types';
import {
  identityOf,
  NodePath,
  scalarText,
  seqMapsAt,
  writeFields,
} from '../yamlNodes';

/** The keys of a Kustomize `images:` entry a promotion copies (kustomize's image transformer fields). */
const IMAGE_FIELDS = ['newName', 'newTag', 'digest'] as const;

/**
 * Where a document keeps Kustomize `images:`: a kustomization.yaml (kustomize.config.k8s.io, or no kind with
 * kustomization keys) at the top, a Flux Kustomization (kustomize.toolkit.fluxcd.io) under `spec`.
 */
function imagesPath(doc: Document): NodePath | undefined {
  const { apiVersion, kind } = identityOf(doc);
  if (apiVersion.startsWith('kustomize.config.k8s.io/')) return ['images'];
  if (
    apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') &&
    kind === 'Kustomization'
  ) {
    return ['spec', 'images'];
  }
  const looksLikeKustomization =
    !kind && ['resources', 'images', 'patches'].some(key => doc.has(key));
  return looksLikeKustomization ? ['images'] : undefined;
}

function entryNamed(doc: Document, at: NodePath, name: string) {
  return seqMapsAt(doc, at).find(({ map }) => scalarText(map, 'name') === name)
    ?.map;
}

/** Kustomize `images[].newTag`/`digest` (by tag or by digest), in a kustomization.yaml or a Flux Kustomization. */
export const kustomizeImages: PinForm = {
  name: 'kustomize-image',
  find(doc, path) {
    const at = imagesPath(doc);
    if (!at) return [];
    return seqMapsAt(doc, at).flatMap(({ map }): VersionPin[] => {
      const name = scalarText(map, 'name');
      if (!name) return [];
      const fields = Object.fromEntries(
        IMAGE_FIELDS.map(key => [key, scalarText(map, key)]),
      );
      const version = fields.digest ?? fields.newTag ?? fields.newName;
      if (!version) return [];
      return [
        {
          form: 'kustomize-image',
          key: `kustomize-image:${name}`,
          path,
          label: `${at.join('.')}[name=${name}]`,
          fields,
          version,
        },
      ];
    });
  },
  write(doc, pin, create) {
    const at = imagesPath(doc);
    if (!at) return false;
    const name = pin.key.slice('kustomize-image:'.length);
    let entry: YAMLMap | undefined = entryNamed(doc, at, name);
    if (!entry) {
      if (!create) return false;
      if (doc.getIn(at) === undefined) doc.setIn(at, doc.createNode([]));
      const images = doc.getIn(at, true) as { add?: (v: unknown) => void };
      if (typeof images?.add !== 'function') return false;
      entry = doc.createNode({ name }) as YAMLMap;
      images.add(entry);
    }
    writeFields(entry, pin.fields);
    return true;
  },
};
