import { InputError } from '@backstage/errors';
import { isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { assertDns1123Label } from '../changes/safety';
import { YamlEdit } from '../changes/types';
import {
  assertImageRepository,
  assertImmutableImageRef,
} from './generateServiceManifests';
import { helmValuesFile } from './promoteHelmValues';

/**
 * Options of `pinImage`: the service, the environment, the image and the tag or digest to pin.
 *
 * @public
 */
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
 *
 * @public
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

/**
 * Options of `pinHelmImage`: the service, the environment and the tag or digest to pin.
 *
 * @public
 */
export type PinHelmImageOptions = Omit<PinImageOptions, 'image'>;

/**
 * The Helm form of {@link pinImage}: `image.tag` or `image.digest` (dropping
 * the other) in `overlays/<environment>/values.yaml`. The scalar changes in
 * place, so comments such as Flux setter markers stay.
 *
 * @public
 */
export function pinHelmImage(options: PinHelmImageOptions): YamlEdit {
  assertDns1123Label(options.service, 'Service name');
  assertDns1123Label(options.environment, 'Environment name');
  assertImmutableImageRef(options, `Environment ${options.environment}`);
  const path = helmValuesFile(options.service, options.environment);
  const [key, other] = options.imageDigest
    ? (['digest', 'tag'] as const)
    : (['tag', 'digest'] as const);
  const value = options.imageDigest ?? options.imageTag;
  return {
    path,
    edit: doc => {
      if (!doc.has('image')) doc.set('image', doc.createNode({}));
      const image = doc.get('image', true);
      if (!isMap(image)) throw new InputError(`${path}: image is not a map`);
      const node = image.get(key, true);
      if (isScalar(node)) node.value = value;
      else image.set(key, value);
      image.delete(other);
    },
  };
}
