import { parseAllDocuments } from 'yaml';
import { ManifestObject } from './types';

/**
 * Parses a multi-document YAML stream into its object documents; throws with the first parse error.
 *
 * @alpha
 */
export function parseManifests(text: string): ManifestObject[] {
  const docs = parseAllDocuments(text);
  const out: ManifestObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new Error(doc.errors[0].message.split('\n')[0]);
    }
    const value = doc.toJSON();
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out.push(value);
    }
  }
  return out;
}

/** `Kind/name` for messages. */
export function objectId(object: ManifestObject): string {
  return `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
}

/** Paths (from the object root) of the pod specs a workload carries, if any. */
export function podSpecsOf(object: ManifestObject): ManifestObject[] {
  const spec = object?.spec;
  if (!spec || typeof spec !== 'object') return [];
  switch (object.kind) {
    case 'Pod':
      return [spec];
    case 'CronJob':
      return [spec.jobTemplate?.spec?.template?.spec].filter(isObject);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
    case 'Rollout':
      return [spec.template?.spec].filter(isObject);
    default:
      return [];
  }
}

/** Every container (init, regular and ephemeral) of a pod spec. */
export function containersOf(podSpec: ManifestObject): ManifestObject[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap(key =>
    Array.isArray(podSpec[key]) ? podSpec[key].filter(isObject) : [],
  );
}

function isObject(value: unknown): value is ManifestObject {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
