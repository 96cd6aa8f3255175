import { InputError } from '@backstage/errors';
import { isMap, isSeq, YAMLMap } from 'yaml';
import { assertDns1123Label } from '../changes/safety';
import { YamlEdit } from '../changes/types';
import {
  assertImageRepository,
  assertImmutableImageRef,
} from './generateServiceManifests';

export interface PinImageOptions {
  service: string;
  environment: string;
  /** The image repository as named in the overlay's `images:` (e.g. `ghcr.io/acme/web`). */
  image: string;
  /** Exactly one of these. */
  imageTag?: string;
  imageDigest?: string;
}

/**
 * A structured edit of `overlays/<environment>/kustomization.yaml` that pins
 * one image to a tag or digest (what a rollback writes), keeping comments and
 * the rest of the file. Adds the `images:` entry when the overlay has none.
 */
export function pinImage(options: PinImageOptions): YamlEdit {
  assertDns1123Label(options.service, 'Service name');
  assertDns1123Label(options.environment, 'Environment name');
  assertImageRepository(options.image);
  assertImmutableImageRef(options, `Environment ${options.environment}`);
  const path = `apps/${options.service}/overlays/${options.environment}/kustomization.yaml`;
  return {
    path,
    edit: doc => {
      if (!doc.has('images')) doc.set('images', doc.createNode([]));
      const images = doc.get('images');
      if (!isSeq(images)) throw new InputError(`${path}: images is not a list`);
      let entry = (images.items.filter(isMap) as YAMLMap[]).find(
        item => String(item.get('name')) === options.image,
      );
      if (!entry) {
        entry = doc.createNode({ name: options.image }) as YAMLMap;
        images.add(entry);
      }
      if (options.imageDigest) {
        entry.set('digest', options.imageDigest);
        entry.delete('newTag');
      } else {
        entry.set('newTag', options.imageTag);
        entry.delete('digest');
      }
    },
  };
}
