import { InputError } from '@backstage/errors';
import { Document, isMap, isScalar, YAMLMap } from 'yaml';
import { assertDns1123Label } from '../changes/safety';
import { YamlEdit } from '../changes/types';
import { ConfigRepoReader } from '../configRepo/types';
import { promoteImage, PromoteImageOptions } from './promoteImage';

/**
 * Options of `promoteHelmValues`: the service, the environment copied from and the one promoted to.
 *
 * @public
 */
export interface PromoteHelmValuesOptions {
  service: string;
  /** Environment whose image is copied, e.g. `staging`. */
  from: string;
  /** Environment that receives it, e.g. `prod`. */
  to: string;
}

/** Where a Helm-packaged service keeps one environment's values. */
export const helmValuesFile = (service: string, env: string) =>
  `apps/${service}/overlays/${env}/values.yaml`;

/** The keys that pin the image; exactly one of them is set. */
const PIN_KEYS = ['tag', 'digest'] as const;

function imageOf(doc: Document, path: string): YAMLMap | undefined {
  const image = doc.get('image', true);
  if (image === undefined) return undefined;
  if (!isMap(image)) throw new InputError(`${path}: image is not a map`);
  return image;
}

/**
 * A structured edit of `overlays/<to>/values.yaml` that copies `image.tag`
 * or `image.digest` (dropping the other) from `overlays/<from>/values.yaml`.
 * Only the pinned value's scalar changes, so comments such as Flux setter
 * markers stay. The edit throws InputError when `from` pins no image.
 *
 * @public
 */
export function promoteHelmValues(options: PromoteHelmValuesOptions): YamlEdit {
  assertDns1123Label(options.service, 'Service name');
  assertDns1123Label(options.from, 'Environment name');
  assertDns1123Label(options.to, 'Environment name');
  if (options.from === options.to) {
    throw new InputError('Promotion needs two different environments');
  }
  const fromPath = helmValuesFile(options.service, options.from);
  const toPath = helmValuesFile(options.service, options.to);
  return {
    path: toPath,
    reads: [fromPath],
    edit: (doc, { documents }) => {
      const source = imageOf(documents[fromPath], fromPath);
      const pin = PIN_KEYS.find(key => source?.get(key) !== undefined);
      if (!source || !pin) {
        throw new InputError(`${fromPath} pins no image to promote`);
      }
      if (!imageOf(doc, toPath)) doc.set('image', doc.createNode({}));
      const target = imageOf(doc, toPath)!;
      for (const key of PIN_KEYS) {
        if (key !== pin) {
          target.delete(key);
          continue;
        }
        const value = String(source.get(key));
        const node = target.get(key, true);
        // Set the scalar's value in place: a new node would lose its comment.
        if (isScalar(node)) node.value = value;
        else target.set(key, value);
      }
    },
  };
}

/**
 * Whether the service keeps the environment's image in a Helm values file
 * (`overlays/<env>/values.yaml`) rather than a Kustomize overlay: one read at
 * `ref`, no file meaning Kustomize. Names must be validated by the caller.
 *
 * @public
 */
export async function isHelmPackaged(
  reader: ConfigRepoReader,
  ref: string,
  at: { service: string; environment: string },
): Promise<boolean> {
  const values = await reader.readFile(
    helmValuesFile(at.service, at.environment),
    ref,
  );
  return values !== undefined;
}

/**
 * The promotion edit for how the service is packaged: a Helm service keeps
 * its image in `overlays/<from>/values.yaml`, a Kustomize one in the
 * overlay's `images:`. One read of the values file at `ref` decides
 * (none: Kustomize). `images` only applies to Kustomize overlays.
 *
 * @public
 */
export async function promotionEdit(
  reader: ConfigRepoReader,
  ref: string,
  options: PromoteImageOptions,
): Promise<YamlEdit> {
  // Validates the names before they go into a request path.
  const kustomizeEdit = promoteImage(options);
  const isHelm = await isHelmPackaged(reader, ref, {
    service: options.service,
    environment: options.from,
  });
  return isHelm
    ? promoteHelmValues({
        service: options.service,
        from: options.from,
        to: options.to,
      })
    : kustomizeEdit;
}
