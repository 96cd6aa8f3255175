import { Document, isMap, isScalar, YAMLMap } from 'yaml';
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

/** Deep enough for `global.app.image.tag`; values trees are not walked further. */
const MAX_DEPTH = 6;
/** Keys that name an image map (`image:`, `proxyImage:`, `images.web`…). */
const IMAGE_KEY = /image/i;

/**
 * The Helm values a document holds: the whole of a plain values file (no `kind`, not a kustomization), a Flux
 * HelmRelease's `spec.values`, an Argo CD Application Helm source's `helm.valuesObject`.
 */
function valuesRoots(doc: Document): NodePath[] {
  const { apiVersion, kind } = identityOf(doc);
  if (!kind && !apiVersion) {
    const kustomization = ['resources', 'patches', 'images'].some(key =>
      doc.has(key),
    );
    return !kustomization && isMap(doc.contents) ? [[]] : [];
  }
  if (
    kind === 'HelmRelease' &&
    apiVersion.startsWith('helm.toolkit.fluxcd.io/')
  ) {
    return [['spec', 'values']];
  }
  if (kind === 'Application' && apiVersion.startsWith('argoproj.io/')) {
    const sources: NodePath[] = [
      ['spec', 'source'],
      ...seqMapsAt(doc, ['spec', 'sources']).map(({ index }) => [
        'spec',
        'sources',
        index,
      ]),
    ];
    return sources.map(source => [...source, 'helm', 'valuesObject']);
  }
  return [];
}

/** A string that reads as an image reference with a tag or digest (`ghcr.io/acme/web:1.4.0`). */
function isPinnedImageRef(value: string): boolean {
  const ref = splitImageRef(value);
  return !/\s/.test(value) && (!!ref.digest || !!ref.tag);
}

/** The image pins of one values tree: maps with `tag`/`digest`, and `image: repo:tag` strings. */
function findIn(map: YAMLMap, relative: NodePath, depth: number) {
  const found: Array<{
    relative: NodePath;
    fields: Record<string, string | undefined>;
  }> = [];
  const last = String(relative[relative.length - 1] ?? '');
  const tag = scalarText(map, 'tag');
  const digest = scalarText(map, 'digest');
  const isImageMap = map.has('repository') || IMAGE_KEY.test(last);
  if ((tag || digest) && isImageMap) {
    found.push({ relative, fields: { tag, digest } });
  }
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key) continue;
    if (isMap(pair.value) && depth < MAX_DEPTH) {
      found.push(...findIn(pair.value, [...relative, key], depth + 1));
    }
    const text = scalarText(map, key);
    if (text && IMAGE_KEY.test(key) && isPinnedImageRef(text)) {
      found.push({ relative, fields: { [key]: text } });
    }
  }
  return found;
}

const keyOf = (relative: NodePath, fields: Record<string, unknown>) => {
  const keys = Object.keys(fields);
  const leaf = keys.includes('tag') || keys.includes('digest') ? [] : keys;
  return `helm-values:${JSON.stringify([...relative, ...leaf])}`;
};

/**
 * Helm values image pins (`image.tag`, `image.digest`, `<x>.image.repository` + `tag`, or `image: repo:tag`),
 * found by shape in values files, HelmRelease `spec.values` and Argo CD `helm.valuesObject`, matched across
 * environments by their path in the values. Existing scalars are changed in place (comments and Flux setter
 * markers stay); a digest is promoted as a digest and drops the tag, and the other way round.
 */
export const helmValues: PinForm = {
  name: 'helm-values',
  find(doc, path) {
    return valuesRoots(doc).flatMap(root => {
      const values = mapAt(doc, root);
      if (!values) return [];
      return findIn(values, [], 0).map(({ relative, fields }): VersionPin => {
        const version =
          fields.digest ??
          fields.tag ??
          Object.values(fields).find(v => v !== undefined)!;
        return {
          form: 'helm-values',
          key: keyOf(relative, fields),
          path,
          label: [
            ...root,
            ...relative,
            Object.keys(fields)
              .filter(key => fields[key] !== undefined)
              .join('+'),
          ].join('.'),
          relative,
          fields,
          version,
        };
      });
    });
  },
  write(doc, pin, create) {
    const relative = pin.relative ?? [];
    for (const root of valuesRoots(doc)) {
      let map = mapAt(doc, [...root, ...relative]);
      // Only a plain values file of the same role gets the keys added: it is this environment's values.
      if (!map && create && root.length === 0) {
        if (doc.getIn(relative) !== undefined) continue;
        doc.setIn(relative, doc.createNode({}));
        map = mapAt(doc, relative);
      }
      if (!map) continue;
      writeFields(map, pin.fields);
      return true;
    }
    return false;
  },
};
