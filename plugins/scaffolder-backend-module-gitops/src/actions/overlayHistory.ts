import { InputError } from '@backstage/errors';
import { ConfigRepoReader } from '@gitops-portal/plugin-gitops-node';
import { parse } from 'yaml';

/** The image names of an overlay's `images:` (read-only), to pin the only one when none is named. */
export async function overlayImageNames(
  reader: ConfigRepoReader,
  ref: string,
  path: string,
): Promise<string[]> {
  const text = await reader.readFile(path, ref);
  if (text === undefined) {
    throw new InputError(`${path} does not exist on ${ref}`);
  }
  const doc = parse(text);
  const images: Array<{ name?: unknown }> = Array.isArray(doc?.images)
    ? doc.images
    : [];
  return images.map(i => String(i.name));
}
