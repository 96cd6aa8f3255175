import { apiGroupOf } from './raw';

/**
 * Which GitOps object manages a Kubernetes object, read from the marks the engines leave on what they apply, so
 * an object follows its manager's catalog entity without labels of ours:
 *
 * - Argo CD (resource tracking): the `argocd.argoproj.io/tracking-id` annotation
 *   `<app>:<group>/<kind>:<namespace>/<name>` (annotation and annotation+label methods), else the instance label
 *   (`app.kubernetes.io/instance` unless `application.instanceLabelKey` says otherwise; label method). `<app>` is the
 *   Application's name, `<namespace>_<name>` for an Application outside Argo CD's own namespace (apps in any
 *   namespace).
 * - Flux: kustomize-controller labels what it applies with `kustomize.toolkit.fluxcd.io/name` and `/namespace`,
 *   helm-controller with `helm.toolkit.fluxcd.io/name` and `/namespace`.
 *
 * Both sides meet on a manager key: `argocd:<app>`, `kustomize:<namespace>/<name>`, `helm:<namespace>/<name>`.
 *
 * @public
 */

export const ARGOCD_TRACKING_ID_ANNOTATION = 'argocd.argoproj.io/tracking-id';
/**
 * Argo CD's default `application.instanceLabelKey`.
 *
 * @public
 */
export const ARGOCD_DEFAULT_INSTANCE_LABEL = 'app.kubernetes.io/instance';

/**
 * The label Argo CD's label tracking writes on a cluster, from its `argocd-cm` ConfigMap's data: its
 * `application.instanceLabelKey` when set and not empty, else Argo CD's default (also when the ConfigMap is missing).
 *
 * @public
 */
export function argoCdInstanceLabelKey(argoCdConfigMapData: unknown): string {
  const key = (argoCdConfigMapData as Record<string, unknown> | undefined)?.[
    'application.instanceLabelKey'
  ];
  return typeof key === 'string' && key !== ''
    ? key
    : ARGOCD_DEFAULT_INSTANCE_LABEL;
}
/**
 * The label with which a Flux Kustomization marks the objects it applies: its name.
 *
 * @public
 */
export const FLUX_KUSTOMIZE_NAME_LABEL = 'kustomize.toolkit.fluxcd.io/name';
/**
 * The label with which a Flux Kustomization marks the objects it applies: its namespace.
 *
 * @public
 */
export const FLUX_KUSTOMIZE_NAMESPACE_LABEL =
  'kustomize.toolkit.fluxcd.io/namespace';
/**
 * The label with which a Flux HelmRelease marks the objects it installs: its name.
 *
 * @public
 */
export const FLUX_HELM_NAME_LABEL = 'helm.toolkit.fluxcd.io/name';
/**
 * The label with which a Flux HelmRelease marks the objects it installs: its namespace.
 *
 * @public
 */
export const FLUX_HELM_NAMESPACE_LABEL = 'helm.toolkit.fluxcd.io/namespace';

/**
 * `group/Kind` of an Argo CD Application, as {@link objectKindOf} writes it.
 *
 * @public
 */
export const ARGOCD_APPLICATION_KIND = 'argoproj.io/Application';
const FLUX_KUSTOMIZATION_KIND = 'kustomize.toolkit.fluxcd.io/Kustomization';
const FLUX_HELM_RELEASE_KIND = 'helm.toolkit.fluxcd.io/HelmRelease';

/**
 * `group/Kind` (`/Kind` for the core group): what kind-specific matching compares.
 *
 * @public
 */
export const objectKindOf = (apiVersion: string, kind: string) =>
  `${apiGroupOf(apiVersion)}/${kind}`;

/**
 * The object a tracking id must name for Argo CD to count it (the annotation may be copied to other objects).
 *
 * @public
 */
export interface TrackedObject {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * The Application named by an Argo CD tracking id, when the id is about `self`. Like Argo CD, an id naming another
 * object (copied by an operator or a template) does not count; a cluster-scoped object carries the Application's
 * destination namespace, which is not compared.
 *
 * @public
 */
export function argoTrackingIdApp(
  trackingId: string,
  self: TrackedObject,
): string | undefined {
  const [app, groupKind, namespacedName, ...rest] = trackingId.split(':');
  if (rest.length > 0 || !app || !groupKind || !namespacedName) {
    return undefined;
  }
  const [group, kind, ...moreKind] = groupKind.split('/');
  const [namespace, name, ...moreName] = namespacedName.split('/');
  if (moreKind.length > 0 || moreName.length > 0 || kind === undefined) {
    return undefined;
  }
  const sameObject =
    group === self.group &&
    kind === self.kind &&
    name === self.name &&
    (self.namespace === undefined || self.namespace === namespace);
  return sameObject ? app : undefined;
}

/**
 * What an object says about its manager (read once, when the object is watched).
 *
 * @public
 */
export interface ManagerMarks {
  labels?: Record<string, string>;
  /** The Application of a valid `argocd.argoproj.io/tracking-id` (see {@link argoTrackingIdApp}). */
  argoTrackingApp?: string;
}

/**
 * The manager keys an object points at: its Argo CD Application (tracking id first, then the instance label) and
 * its Flux Kustomization and HelmRelease (both labels of a pair must be there).
 *
 * @public
 */
export function managerKeysOf(
  marks: ManagerMarks,
  instanceLabelKey: string = ARGOCD_DEFAULT_INSTANCE_LABEL,
): string[] {
  const labels = marks.labels ?? {};
  const keys: string[] = [];
  const app = marks.argoTrackingApp || labels[instanceLabelKey];
  if (app) keys.push(`argocd:${app}`);
  const ksName = labels[FLUX_KUSTOMIZE_NAME_LABEL];
  const ksNamespace = labels[FLUX_KUSTOMIZE_NAMESPACE_LABEL];
  if (ksName && ksNamespace) keys.push(`kustomize:${ksNamespace}/${ksName}`);
  const hrName = labels[FLUX_HELM_NAME_LABEL];
  const hrNamespace = labels[FLUX_HELM_NAMESPACE_LABEL];
  if (hrName && hrNamespace) keys.push(`helm:${hrNamespace}/${hrName}`);
  return keys;
}

/**
 * The manager keys objects use to point at this one, if it is a manager: an Application by its name and by
 * `<namespace>_<name>` (which of the two Argo CD writes depends on whether the Application is in Argo CD's own
 * namespace, which the portal does not know); a Kustomization or HelmRelease by namespace and name.
 *
 * @public
 */
export function managerIdentityKeys(object: {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}): string[] {
  const { namespace = '', name } = object;
  switch (objectKindOf(object.apiVersion, object.kind)) {
    case ARGOCD_APPLICATION_KIND:
      return [`argocd:${name}`, `argocd:${namespace}_${name}`];
    case FLUX_KUSTOMIZATION_KIND:
      return [`kustomize:${namespace}/${name}`];
    case FLUX_HELM_RELEASE_KIND:
      return [`helm:${namespace}/${name}`];
    default:
      return [];
  }
}
