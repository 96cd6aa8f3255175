import { Document, YAMLMap } from 'yaml';
import { PinForm, VersionPin } from '../types';
import {
  identityOf,
  NodePath,
  scalarText,
  seqMapsAt,
  splitImageRef,
  writeFields,
} from '../yamlNodes';

/** Where workload kinds keep their pod spec (Pod, the pod-template kinds, CronJob). */
const POD_SPECS: NodePath[] = [
  ['spec'],
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
];

function containersOf(doc: Document): Array<{ label: string; map: YAMLMap }> {
  const { kind } = identityOf(doc);
  if (!kind) return [];
  return POD_SPECS.flatMap(spec =>
    ['initContainers', 'containers'].flatMap(list =>
      seqMapsAt(doc, [...spec, list]).map(({ index, map }) => ({
        label: `${[...spec, list].join('.')}[${index}].image`,
        map,
      })),
    ),
  );
}

/**
 * A container `image:` in a manifest (`repo:tag`, `repo@sha256:…` or both), matched across environments by
 * repository; the whole reference is copied, so a digest is promoted as a digest.
 */
export const manifestImages: PinForm = {
  name: 'manifest-image',
  find(doc, path) {
    const { kind, name } = identityOf(doc);
    return containersOf(doc).flatMap(({ label, map }): VersionPin[] => {
      const image = scalarText(map, 'image');
      if (!image) return [];
      const ref = splitImageRef(image);
      const version = ref.digest ?? ref.tag;
      if (!version) return [];
      return [
        {
          form: 'manifest-image',
          key: `manifest-image:${ref.repository}`,
          path,
          label: `${kind} ${name} ${label}`,
          fields: { image },
          version,
        },
      ];
    });
  },
  write(doc, pin) {
    const repository = pin.key.slice('manifest-image:'.length);
    let wrote = false;
    for (const { map } of containersOf(doc)) {
      const image = scalarText(map, 'image');
      if (!image || splitImageRef(image).repository !== repository) continue;
      writeFields(map, pin.fields);
      wrote = true;
    }
    return wrote;
  },
};
