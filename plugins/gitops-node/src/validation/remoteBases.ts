import { parseManifests } from './objects';
import { Violation } from './types';

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const REFERENCE_KEYS = ['resources', 'components', 'bases'];

/** kustomize fetches these over the network (git or HTTP): not allowed in the config repo. */
function isRemote(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^git@/.test(reference) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference) ||
    /\?(ref|version)=/.test(reference)
  );
}

/**
 * Finds remote resources, components and bases in the kustomization files
 * under `prefix`: rendering them would make the backend fetch arbitrary URLs.
 */
export function remoteBaseViolations(
  files: Record<string, string>,
  prefix: string,
): Violation[] {
  const violations: Violation[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(prefix) || !KUSTOMIZATION.test(path)) continue;
    let docs;
    try {
      docs = parseManifests(text);
    } catch {
      continue; // kustomize reports it when rendering
    }
    for (const doc of docs) {
      for (const key of REFERENCE_KEYS) {
        const list = Array.isArray(doc[key]) ? doc[key] : [];
        for (const reference of list.filter(
          (r: unknown): r is string => typeof r === 'string',
        )) {
          if (isRemote(reference)) {
            violations.push({
              file: path,
              object: '',
              rule: 'render',
              message: `${key} entry ${reference.slice(
                0,
                200,
              )} is remote; the config repo may only reference its own files`,
            });
          }
        }
      }
    }
  }
  return violations;
}
