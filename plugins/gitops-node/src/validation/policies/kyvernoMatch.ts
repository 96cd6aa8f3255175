import { objectId } from '../objects';
import { ManifestObject } from '../types';
import {
  groupVersion,
  isClusterScoped,
  LabelSelector,
  matchesSelector,
  NamespaceIndex,
  wildcardMatch,
} from './selectors';

/** Which objects a Kyverno rule's `match` / `exclude` selects, and the pod templates its auto-generated rules check. */

/** Kyverno's default pod controllers for auto-generated rules. */
const POD_CONTROLLERS = [
  'DaemonSet',
  'Deployment',
  'Job',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
  'CronJob',
];

interface ResourceFilter {
  kinds?: string[];
  names?: string[];
  name?: string;
  namespaces?: string[];
  selector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  operations?: string[];
  annotations?: Record<string, string>;
}

type Decision = boolean | { undecidable: string };

/** `Kind`, `version/Kind`, `group/version/Kind`, wildcards allowed. */
function kindMatches(pattern: string, object: ManifestObject): boolean {
  const parts = pattern.split('/');
  const kind = parts[parts.length - 1];
  const { group, version } = groupVersion(object.apiVersion);
  if (!wildcardMatch(kind, object.kind)) return false;
  if (parts.length === 2) return wildcardMatch(parts[0], version);
  if (parts.length === 3)
    return wildcardMatch(parts[0], group) && wildcardMatch(parts[1], version);
  return true;
}

function filterMatches(
  filter: { resources?: ResourceFilter } & Record<string, unknown>,
  object: ManifestObject,
  kind: string,
  namespaces: NamespaceIndex,
): Decision {
  for (const key of ['subjects', 'roles', 'clusterRoles']) {
    if (filter[key])
      return { undecidable: `its match uses ${key} (the requesting user)` };
  }
  const r = filter.resources ?? {};
  const target = { ...object, kind };
  if (r.kinds && !r.kinds.some(k => kindMatches(k, target))) return false;
  const name = object.metadata?.name ?? '';
  const names = [...(r.names ?? []), ...(r.name ? [r.name] : [])];
  if (names.length > 0 && !names.some(n => wildcardMatch(n, name)))
    return false;
  if (r.operations && !r.operations.includes('CREATE')) return false;
  if (!matchesSelector(r.selector, object.metadata?.labels ?? {})) return false;
  if (r.annotations) {
    const annotations = object.metadata?.annotations ?? {};
    if (
      !Object.entries(r.annotations).every(([k, v]) =>
        wildcardMatch(v, annotations[k] ?? ''),
      )
    )
      return false;
  }
  const namespace = object.metadata?.namespace;
  if (r.namespaces) {
    if (!namespace) {
      return isClusterScoped(object)
        ? false
        : { undecidable: `${objectId(object)} has no namespace in the repo` };
    }
    if (!r.namespaces.some(n => wildcardMatch(n, namespace))) return false;
  }
  if (r.namespaceSelector) {
    if (!namespace)
      return {
        undecidable: `${objectId(object)} has no namespace in the repo`,
      };
    const decision = namespaces.matches(r.namespaceSelector, namespace);
    if (decision === undefined) {
      return {
        undecidable: `the labels of namespace ${namespace} are not in the config repo`,
      };
    }
    if (!decision) return false;
  }
  return true;
}

/** `match`/`exclude` blocks: `any` (one filter), `all` (every filter), or the legacy single `resources`. */
export function blockMatches(
  block: any,
  object: ManifestObject,
  kind: string,
  namespaces: NamespaceIndex,
): Decision {
  if (!block) return false;
  const combine = (filters: any[], every: boolean): Decision => {
    let undecidable: Decision | undefined;
    for (const f of filters) {
      const d = filterMatches(f, object, kind, namespaces);
      if (d === true && !every) return true;
      if (d === false && every) return false;
      if (typeof d === 'object') undecidable = d;
    }
    return undecidable ?? every;
  };
  if (Array.isArray(block.any)) return combine(block.any, false);
  if (Array.isArray(block.all)) return combine(block.all, true);
  return combine([block], true);
}

/** The pod template Kyverno's auto-generated rules check on a pod controller, as a Pod-shaped object. */
export function podTemplateOf(
  object: ManifestObject,
): ManifestObject | undefined {
  const template =
    object.kind === 'CronJob'
      ? object.spec?.jobTemplate?.spec?.template
      : object.spec?.template;
  if (!template || typeof template !== 'object') return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: object.metadata?.namespace,
      ...(template.metadata ?? {}),
    },
    spec: template.spec,
  };
}

export function autogenControllers(policy: ManifestObject): string[] {
  const annotation =
    policy.metadata?.annotations?.[
      'pod-policies.kyverno.io/autogen-controllers'
    ];
  if (annotation === undefined) return POD_CONTROLLERS;
  if (annotation === 'none') return [];
  return String(annotation)
    .split(',')
    .map(s => s.trim());
}

/** Whether the rule matches Pods only (so Kyverno auto-generates it for pod controllers). */
export function blockMatchesKindPod(block: any): boolean {
  let filters = [block];
  if (Array.isArray(block?.any)) filters = block.any;
  else if (Array.isArray(block?.all)) filters = block.all;
  const kinds = filters.flatMap((f: any) => f?.resources?.kinds ?? []);
  return (
    kinds.length > 0 &&
    kinds.every((k: string) => k === 'Pod' || k.endsWith('/Pod'))
  );
}
