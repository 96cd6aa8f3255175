import type { ObjectStatus } from '../schema';
import { PreviewInfo } from '../schema/previews';
import { asText, asTimestamp, at, stringMap } from './raw';

/** The annotations the generated preview objects carry (gitops-node `manifests/previewEnvironments.ts`). */
export const PREVIEW_PR_NUMBER_ANNOTATION =
  'gitops-portal.io/preview-pr-number';
export const PREVIEW_PR_URL_ANNOTATION = 'gitops-portal.io/preview-pr-url';

const PR_NUMBER = /^[1-9][0-9]{0,9}$/;

/**
 * The pull request of an object generated for one (an Argo CD Application of the pull-request generator, a Flux
 * Kustomization of a ResourceSet), from its annotations; undefined for every other object or a malformed one.
 */
export function previewOf(obj: unknown): PreviewInfo | undefined {
  const annotations = stringMap(at(obj, 'metadata', 'annotations'));
  const number = annotations[PREVIEW_PR_NUMBER_ANNOTATION];
  const url = annotations[PREVIEW_PR_URL_ANNOTATION];
  if (!number || !PR_NUMBER.test(number) || !url) return undefined;
  const namespace =
    asText(at(obj, 'spec', 'destination', 'namespace')) ??
    asText(at(obj, 'spec', 'targetNamespace'));
  const createdAt = asTimestamp(at(obj, 'metadata', 'creationTimestamp'));
  return {
    pullRequestNumber: Number(number),
    pullRequestUrl: url,
    ...(namespace ? { namespace } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/**
 * The objects that make up an entity's environments: every status record except a preview's (one `previewOf`
 * recognised, `preview` set). A preview is listed only as a preview (`GET .../previews`), never as an environment
 * of its own (its `gitops-portal.io/environment` is `pr-<number>`) in the environment table, the overview card or
 * the team and fleet rows.
 *
 * @public
 */
export function environmentObjects<T extends Pick<ObjectStatus, 'preview'>>(
  objects: T[],
): T[] {
  return objects.some(object => object.preview)
    ? objects.filter(object => !object.preview)
    : objects;
}
