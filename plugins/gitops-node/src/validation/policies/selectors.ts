import {
  LabelSelector as CommonLabelSelector,
  matchesLabelSelector,
} from '@gitops-portal/plugin-gitops-common';
import { ManifestObject } from '../types';

/** A Kubernetes label selector (`matchLabels`, `matchExpressions`). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

export const isEmptySelector = (selector?: LabelSelector) =>
  !selector ||
  (Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0);

/** The label keys a selector reads. */
export const selectorKeys = (selector: LabelSelector): string[] => [
  ...Object.keys(selector.matchLabels ?? {}),
  ...(selector.matchExpressions ?? []).map(e => e.key),
];

/** A Kubernetes `LabelSelector` object as gitops-common's requirements (the form `kubectl -l` parses to). */
export function toRequirements(selector: LabelSelector): CommonLabelSelector {
  return {
    requirements: [
      ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
        key,
        operator: 'Equals' as const,
        values: [String(value)],
      })),
      ...(selector.matchExpressions ?? []).map(({ key, operator, values }) => ({
        key,
        operator,
        values: values ?? [],
      })),
    ],
  };
}

/** Whether labels satisfy a selector (an empty selector matches everything). */
export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  return !selector || matchesLabelSelector(labels, toRequirements(selector));
}

/** Kyverno-style wildcard match: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, text: string): boolean {
  const regex = pattern
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${regex}$`, 's').test(text);
}

/** Kinds that have no namespace (the rest, with no `metadata.namespace`, get one from the delivery tool). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'IngressClass',
  'ClusterPolicy',
  'APIService',
]);

export const isClusterScoped = (object: ManifestObject) =>
  CLUSTER_SCOPED.has(object.kind);

/** `apps/v1` → `{ group: 'apps', version: 'v1' }`; `v1` → core group ''. */
export function groupVersion(apiVersion: unknown): {
  group: string;
  version: string;
} {
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = text.indexOf('/');
  return slash < 0
    ? { group: '', version: text }
    : { group: text.slice(0, slash), version: text.slice(slash + 1) };
}

/** Plurals that the lower-case-plus-s guess gets wrong. */
const IRREGULAR: Record<string, string> = {
  Endpoints: 'endpoints',
  NetworkPolicy: 'networkpolicies',
  PodSecurityPolicy: 'podsecuritypolicies',
  Ingress: 'ingresses',
  IngressClass: 'ingressclasses',
  StorageClass: 'storageclasses',
  PriorityClass: 'priorityclasses',
  RuntimeClass: 'runtimeclasses',
};

/**
 * The REST resource of a kind, as the API server's RESTMapper names it without discovery: lower case, `y` →
 * `ies`, `s` → `ses`, else `+s` (apimachinery's `UnsafeGuessKindToResource`), plus a few irregular kinds.
 */
export function resourceOf(kind: string): string {
  if (IRREGULAR[kind]) return IRREGULAR[kind];
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** What the estate knows about namespaces: labels of Namespace objects it declares. */
export class NamespaceIndex {
  private readonly labels = new Map<string, Record<string, string>>();
  private readonly objects = new Map<string, ManifestObject>();

  add(object: ManifestObject) {
    if (object.kind !== 'Namespace' || !object.metadata?.name) return;
    const name = object.metadata.name;
    this.objects.set(name, object);
    this.labels.set(name, {
      ...(object.metadata.labels ?? {}),
      // The API server sets this label on every namespace.
      'kubernetes.io/metadata.name': name,
    });
  }

  object(name: string): ManifestObject | undefined {
    return this.objects.get(name);
  }

  /**
   * Whether `namespace` matches the selector: true/false, or undefined when undecidable (the selector reads
   * labels of a namespace the estate does not declare).
   */
  matches(
    selector: LabelSelector | undefined,
    namespace: string,
  ): boolean | undefined {
    if (isEmptySelector(selector)) return true;
    const known = this.labels.get(namespace);
    if (known) return matchesSelector(selector, known);
    const onlyName = selectorKeys(selector!).every(
      key => key === 'kubernetes.io/metadata.name',
    );
    return onlyName
      ? matchesSelector(selector, { 'kubernetes.io/metadata.name': namespace })
      : undefined;
  }
}
