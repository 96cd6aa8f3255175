import { Entity } from '@backstage/catalog-model';
import {
  isValidLabelValue,
  LabelSelector,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';
import { at, errorMessage, stringMap } from './raw';

/** Label on a Kubernetes object, and annotation on an entity, naming the entity's id. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
/** Entity annotation holding a label selector for the entity's objects. */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** Entity annotation restricting its objects to one namespace. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
/** Label (or annotation) on a Kubernetes object naming its environment. */
export const ENVIRONMENT_LABEL = 'gitops-portal.io/environment';

/** One way an entity claims Kubernetes objects. */
export interface KubernetesObjectMatcher {
  /** The entity annotation the matcher comes from. */
  annotation: string;
  selector: LabelSelector;
  /** Only objects in this namespace, when the entity says so. */
  namespace?: string;
}

export interface EntityKubernetesMatchers {
  matchers: KubernetesObjectMatcher[];
  /** Annotations that could not be used, with why; the caller may log them. */
  errors: string[];
}

/**
 * How to find an entity's objects: objects labelled with the entity's
 * `backstage.io/kubernetes-id`, and objects matching its
 * `backstage.io/kubernetes-label-selector`. An empty selector is refused:
 * it would claim every object in every cluster.
 */
export function entityKubernetesMatchers(
  entity: Entity,
): EntityKubernetesMatchers {
  const annotations = entity.metadata.annotations ?? {};
  const namespace =
    annotations[KUBERNETES_NAMESPACE_ANNOTATION]?.trim() || undefined;
  const matchers: KubernetesObjectMatcher[] = [];
  const errors: string[] = [];

  const id = annotations[KUBERNETES_ID_LABEL]?.trim();
  if (id !== undefined && id !== '') {
    if (isValidLabelValue(id)) {
      matchers.push({
        annotation: KUBERNETES_ID_LABEL,
        selector: {
          requirements: [
            { key: KUBERNETES_ID_LABEL, operator: 'Equals', values: [id] },
          ],
        },
        namespace,
      });
    } else {
      errors.push(`${KUBERNETES_ID_LABEL} "${id}" is not a valid label value`);
    }
  }

  const selectorText = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  if (selectorText !== undefined) {
    try {
      const selector = parseLabelSelector(selectorText);
      if (selector.requirements.length === 0) {
        errors.push(`${KUBERNETES_LABEL_SELECTOR_ANNOTATION} is empty`);
      } else {
        matchers.push({
          annotation: KUBERNETES_LABEL_SELECTOR_ANNOTATION,
          selector,
          namespace,
        });
      }
    } catch (error) {
      const detail = errorMessage(error);
      errors.push(`${KUBERNETES_LABEL_SELECTOR_ANNOTATION}: ${detail}`);
    }
  }
  return { matchers, errors };
}

/** The parts of a Kubernetes object that entity matching looks at. */
export interface MatchableObject {
  labels?: Record<string, string>;
  namespace?: string;
}

/** Whether any of an entity's matchers claims the object. */
export function objectMatchesEntity(
  object: MatchableObject,
  matchers: KubernetesObjectMatcher[],
): boolean {
  return matchers.some(
    matcher =>
      (matcher.namespace === undefined ||
        matcher.namespace === object.namespace) &&
      matchesLabelSelector(object.labels, matcher.selector),
  );
}

/** A raw object's labels and namespace, for {@link objectMatchesEntity}. */
export function matchableObject(obj: unknown): MatchableObject {
  const namespace = at(obj, 'metadata', 'namespace');
  return {
    labels: stringMap(at(obj, 'metadata', 'labels')),
    namespace:
      typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
  };
}

/**
 * The environment of a raw object: its `gitops-portal.io/environment` label,
 * else the annotation of the same name, else the fallback (the cluster's
 * configured environment).
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
