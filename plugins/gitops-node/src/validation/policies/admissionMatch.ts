import { objectId } from '../objects';
import { ManifestObject } from '../types';
import {
  groupVersion,
  isClusterScoped,
  LabelSelector,
  matchesSelector,
  NamespaceIndex,
  resourceOf,
} from './selectors';

/** Which requests a ValidatingAdmissionPolicy or its binding selects, decided on a rendered object as a CREATE. */
export const OPERATION = 'CREATE';

export interface ResourceRule {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  resourceNames?: string[];
  operations?: string[];
}

export interface MatchResources {
  resourceRules?: ResourceRule[];
  excludeResourceRules?: ResourceRule[];
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
}

export type Decision = boolean | { undecidable: string };

export const includes = (list: string[] | undefined, value: string) =>
  (list ?? []).some(item => item === '*' || item === value);

function ruleMatches(rule: ResourceRule, object: ManifestObject): boolean {
  const { group, version } = groupVersion(object.apiVersion);
  const resource = resourceOf(object.kind);
  return (
    includes(rule.apiGroups, group) &&
    includes(rule.apiVersions, version) &&
    (rule.resources ?? []).some(
      r => r === '*' || r === resource || r === `${resource}/*`,
    ) &&
    includes(rule.operations, OPERATION) &&
    (!rule.resourceNames?.length ||
      rule.resourceNames.includes(object.metadata?.name))
  );
}

/** Whether `match` selects the object; `requireRules`: the policy's constraints need resourceRules, a binding's don't. */
export function matchResources(
  match: MatchResources | undefined,
  object: ManifestObject,
  namespaces: NamespaceIndex,
  requireRules: boolean,
): Decision {
  if (!match) return !requireRules;
  if (match.resourceRules || requireRules) {
    if (!(match.resourceRules ?? []).some(rule => ruleMatches(rule, object)))
      return false;
  }
  if (
    (match.excludeResourceRules ?? []).some(rule => ruleMatches(rule, object))
  )
    return false;
  if (!matchesSelector(match.objectSelector, object.metadata?.labels ?? {}))
    return false;
  // A Namespace is matched on its own labels; other cluster-scoped objects always match the namespace selector.
  if (object.kind === 'Namespace') {
    return matchesSelector(match.namespaceSelector, {
      ...(object.metadata?.labels ?? {}),
      'kubernetes.io/metadata.name': object.metadata?.name,
    });
  }
  if (isClusterScoped(object)) return true;
  const namespace = object.metadata?.namespace;
  if (!namespace) {
    return namespaces.matches(match.namespaceSelector, '') === true
      ? true
      : {
          undecidable: `${objectId(
            object,
          )} has no namespace in the repo, so its namespaceSelector cannot be decided`,
        };
  }
  const decision = namespaces.matches(match.namespaceSelector, namespace);
  return decision === undefined
    ? {
        undecidable: `the labels of namespace ${namespace} are not in the config repo, so the namespaceSelector cannot be decided`,
      }
    : decision;
}
