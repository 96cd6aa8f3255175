import { InputError } from '@backstage/errors';
import { isMap, isSeq, YAMLMap } from 'yaml';
import { assertDns1123Label } from '../changes/safety';
import { YamlEdit } from '../changes/types';

/**
 * Options of `promoteImage`: the service, the environment copied from and the one promoted to.
 *
 * @public
 */
export interface PromoteImageOptions {
  service: string;
  /** Environment whose image is copied, e.g. `staging`. */
  from: string;
  /** Environment that receives it, e.g. `prod`. */
  to: string;
  /** Only these image names (default: every image of the `from` overlay). */
  images?: string[];
}

const overlayFile = (service: string, env: string) =>
  `apps/${service}/overlays/${env}/kustomization.yaml`;

function imagesOf(
  doc: { get(key: string, keepScalar?: boolean): unknown },
  path: string,
) {
  const images = doc.get('images');
  if (images === undefined) return [];
  if (!isSeq(images)) throw new InputError(`${path}: images is not a list`);
  return images.items.filter(isMap) as YAMLMap[];
}

/**
 * A structured edit of `overlays/<to>/kustomization.yaml` that copies the
 * `newTag`/`digest` of each image in `overlays/<from>/kustomization.yaml`,
 * leaving comments and everything else as they were. Add it to a change's
 * `yamlEdits`. The edit throws InputError when `from` pins no image.
 *
 * @public
 */
export function promoteImage(options: PromoteImageOptions): YamlEdit {
  assertDns1123Label(options.service, 'Service name');
  assertDns1123Label(options.from, 'Environment name');
  assertDns1123Label(options.to, 'Environment name');
  if (options.from === options.to) {
    throw new InputError('Promotion needs two different environments');
  }
  const fromPath = overlayFile(options.service, options.from);
  const toPath = overlayFile(options.service, options.to);
  return {
    path: toPath,
    reads: [fromPath],
    edit: (doc, { documents }) => {
      const source = imagesOf(documents[fromPath], fromPath).filter(image => {
        const name = String(image.get('name'));
        return !options.images || options.images.includes(name);
      });
      if (source.length === 0)
        throw new InputError(`${fromPath} pins no image to promote`);
      if (!doc.has('images')) doc.set('images', doc.createNode([]));
      for (const image of source) {
        const name = String(image.get('name'));
        const target = imagesOf(doc, toPath).find(
          i => String(i.get('name')) === name,
        );
        const entry = target ?? (doc.createNode({ name }) as YAMLMap);
        if (!target)
          (doc.get('images') as { add(v: unknown): void }).add(entry);
        for (const key of ['newTag', 'digest', 'newName']) {
          if (image.has(key)) entry.set(key, image.get(key));
          else entry.delete(key);
        }
      }
    },
  };
}
