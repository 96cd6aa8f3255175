import { Entity } from '@backstage/catalog-model';
import {
  isValidLabelValue,
  LabelSelector,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';
import {
  ARGOCD_APPLICATION_KIND,
  ARGOCD_TRACKING_ID_ANNOTATION,
  argoTrackingIdApp,
  objectKindOf,
} from './managerTracking';
import { apiGroupOf, at, errorMessage, stringMap } from './raw';

/**
 * Label on a Kubernetes object, and annotation on an entity, naming the entity's id.
 *
 * @public
 */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
/**
 * Entity annotation holding a label selector for the entity's objects.
 *
 * @public
 */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/**
 * Entity annotation restricting its objects to one namespace.
 *
 * @public
 */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
/**
 * Entity annotation naming its Argo CD Applications, one or comma-separated (Backstage Argo CD plugins).
 *
 * @public
 */
export const ARGOCD_APP_NAME_ANNOTATION = 'argocd/app-name';
/**
 * Entity annotation holding a label selector for its Argo CD Applications (Backstage Argo CD plugins).
 *
 * @public
 */
export const ARGOCD_APP_SELECTOR_ANNOTATION = 'argocd/app-selector';
/**
 * Every entity annotation that maps Kubernetes objects (an entity without any is not indexed).
 *
 * @public
 */
export const ENTITY_MAPPING_ANNOTATIONS = [
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  ARGOCD_APP_NAME_ANNOTATION,
  ARGOCD_APP_SELECTOR_ANNOTATION,
];
/**
 * Label (or annotation) on a Kubernetes object naming its environment.
 *
 * @public
 */
export const ENVIRONMENT_LABEL = 'gitops-portal.io/environment';

/**
 * One way an entity claims Kubernetes objects.
 *
 * @public
 */
export interface KubernetesObjectMatcher {
  /** The entity annotation the matcher comes from. */
  annotation: string;
  selector: LabelSelector;
  /** Only objects in this namespace, when the entity says so. */
  namespace?: string;
  /** Only objects of this kind (`group/Kind`): Argo CD Applications for the `argocd/*` annotations. */
  kind?: string;
  /** Only objects with one of these names (`argocd/app-name`). */
  names?: string[];
}

/**
 * What an entity's Kubernetes annotations select: the object matchers, and the annotations that could not be used.
 *
 * @public
 */
export interface EntityKubernetesMatchers {
  matchers: KubernetesObjectMatcher[];
  /** Annotations that could not be used, with why; the caller may log them. */
  errors: string[];
}

/** What `metadata.name` of an Application may be (a DNS subdomain). */
const RESOURCE_NAME =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const EVERYTHING: LabelSelector = { requirements: [] };

/** A selector annotation's selector, or why it cannot be used (an empty one would claim every object). */
function parseSelectorAnnotation(
  annotation: string,
  text: string,
): LabelSelector | string {
  try {
    const selector = parseLabelSelector(text);
    return selector.requirements.length === 0
      ? `${annotation} is empty`
      : selector;
  } catch (error) {
    return `${annotation}: ${errorMessage(error)}`;
  }
}

/** The names of `argocd/app-name`, or why they cannot be used. */
function parseAppNames(text: string): string[] | string {
  const names = text.split(',').map(name => name.trim());
  const bad = names.find(
    name => name.length > 253 || !RESOURCE_NAME.test(name),
  );
  if (bad === undefined) return [...new Set(names)];
  return bad === ''
    ? `${ARGOCD_APP_NAME_ANNOTATION} "${text}" has an empty name`
    : `${ARGOCD_APP_NAME_ANNOTATION} "${bad}" is not a valid Application name`;
}

/**
 * How to find an entity's objects:
 * - `backstage.io/kubernetes-id`: objects labelled with it;
 * - `backstage.io/kubernetes-label-selector`: objects matching it;
 *   both restricted to `backstage.io/kubernetes-namespace` when the entity has it;
 * - `argocd/app-name` (one name or several, comma-separated) and `argocd/app-selector` (a label selector): those
 *   Argo CD Applications, in any namespace (the namespace annotation is about workloads, not Applications).
 * The objects an Application, Kustomization or HelmRelease manages follow it to its entities (see
 * managerTracking.ts). An annotation that does not parse maps nothing and is reported; an empty selector is
 * refused: it would claim every object in every cluster.
 *
 * @public
 */
export function entityKubernetesMatchers(
  entity: Entity,
): EntityKubernetesMatchers {
  const annotations = entity.metadata.annotations ?? {};
  const namespace =
    annotations[KUBERNETES_NAMESPACE_ANNOTATION]?.trim() || undefined;
  const matchers: KubernetesObjectMatcher[] = [];
  const errors: string[] = [];
  const add = (
    annotation: string,
    parsed: LabelSelector | string,
    extra: Partial<KubernetesObjectMatcher>,
  ) => {
    if (typeof parsed === 'string') errors.push(parsed);
    else matchers.push({ annotation, selector: parsed, ...extra });
  };

  const id = annotations[KUBERNETES_ID_LABEL]?.trim();
  if (id !== undefined && id !== '') {
    add(
      KUBERNETES_ID_LABEL,
      isValidLabelValue(id)
        ? {
            requirements: [
              { key: KUBERNETES_ID_LABEL, operator: 'Equals', values: [id] },
            ],
          }
        : `${KUBERNETES_ID_LABEL} "${id}" is not a valid label value`,
      { namespace },
    );
  }

  const selectorText = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  if (selectorText !== undefined) {
    add(
      KUBERNETES_LABEL_SELECTOR_ANNOTATION,
      parseSelectorAnnotation(
        KUBERNETES_LABEL_SELECTOR_ANNOTATION,
        selectorText,
      ),
      { namespace },
    );
  }

  const appNames = annotations[ARGOCD_APP_NAME_ANNOTATION];
  if (appNames !== undefined) {
    const names = parseAppNames(appNames);
    if (typeof names === 'string') errors.push(names);
    else {
      add(ARGOCD_APP_NAME_ANNOTATION, EVERYTHING, {
        kind: ARGOCD_APPLICATION_KIND,
        names,
      });
    }
  }

  const appSelector = annotations[ARGOCD_APP_SELECTOR_ANNOTATION];
  if (appSelector !== undefined) {
    add(
      ARGOCD_APP_SELECTOR_ANNOTATION,
      parseSelectorAnnotation(ARGOCD_APP_SELECTOR_ANNOTATION, appSelector),
      { kind: ARGOCD_APPLICATION_KIND },
    );
  }
  return { matchers, errors };
}

/**
 * The parts of a Kubernetes object that entity matching looks at.
 *
 * @public
 */
export interface MatchableObject {
  labels?: Record<string, string>;
  namespace?: string;
  /** `group/Kind` (see objectKindOf); absent in hand-made objects, which then match no kind-specific matcher. */
  kind?: string;
  name?: string;
  /** The Application of a valid Argo CD tracking-id annotation (annotations are not kept otherwise). */
  argoTrackingApp?: string;
}

/** Whether one matcher claims the object. */
function matches(object: MatchableObject, matcher: KubernetesObjectMatcher) {
  return (
    (matcher.namespace === undefined ||
      matcher.namespace === object.namespace) &&
    (matcher.kind === undefined || matcher.kind === object.kind) &&
    (matcher.names === undefined ||
      (object.name !== undefined && matcher.names.includes(object.name))) &&
    matchesLabelSelector(object.labels, matcher.selector)
  );
}

/**
 * Whether any of an entity's matchers claims the object.
 *
 * @public
 */
export function objectMatchesEntity(
  object: MatchableObject,
  matchers: KubernetesObjectMatcher[],
): boolean {
  return matchers.some(matcher => matches(object, matcher));
}

/**
 * A raw object's labels, namespace, kind, name and Argo CD tracking, for {@link objectMatchesEntity}.
 *
 * @public
 */
export function matchableObject(obj: unknown): MatchableObject {
  const text = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const namespace = text(at(obj, 'metadata', 'namespace'));
  const name = text(at(obj, 'metadata', 'name'));
  const apiVersion = text(at(obj, 'apiVersion'));
  const kind = text(at(obj, 'kind'));
  const trackingId = stringMap(at(obj, 'metadata', 'annotations'))[
    ARGOCD_TRACKING_ID_ANNOTATION
  ];
  const argoTrackingApp =
    trackingId && name && apiVersion && kind
      ? argoTrackingIdApp(trackingId, {
          group: apiGroupOf(apiVersion),
          kind,
          namespace,
          name,
        })
      : undefined;
  return {
    labels: stringMap(at(obj, 'metadata', 'labels')),
    namespace,
    kind: apiVersion && kind ? objectKindOf(apiVersion, kind) : undefined,
    name,
    ...(argoTrackingApp ? { argoTrackingApp } : {}),
  };
}

/**
 * The environment of a raw object: its `gitops-portal.io/environment` label,
 * else the annotation of the same name, else the fallback (the cluster's
 * configured environment).
 *
 * @public
 */
export function objectEnvironment(
  obj: unknown,
  fallback?: string,
): string | undefined {
  const fromLabel = stringMap(at(obj, 'metadata', 'labels'))[
    ENVIRONMENT_LABEL
  ]?.trim();
  if (fromLabel) return fromLabel;
  const fromAnnotation = stringMap(at(obj, 'metadata', 'annotations'))[
    ENVIRONMENT_LABEL
  ]?.trim();
  if (fromAnnotation) return fromAnnotation;
  return fallback || undefined;
}
