import {
  adoptionRefusal,
  AdoptionLeftOut,
  managerKeysOf,
  matchableObject,
} from '@gitops-portal/plugin-gitops-common';

type Manifest = Record<string, any>;

/** What every namespace has from the moment it exists: made by Kubernetes, not by the team. */
const NAMESPACE_DEFAULTS = new Set([
  'ServiceAccount/default',
  'ConfigMap/kube-root-ca.crt',
]);

/** Secrets a controller writes: a ServiceAccount's token, a Helm release's record. */
const CONTROLLER_SECRET_TYPES = new Set([
  'kubernetes.io/service-account-token',
  'helm.sh/release.v1',
]);

/** Why an object is not the team's to adopt, or undefined when it is. */
function skipReason(
  object: Manifest,
  instanceLabelKey?: string,
): string | undefined {
  const owner = object.metadata?.ownerReferences?.[0];
  if (owner) return `made by its owner ${owner.kind} ${owner.name}`;
  if (NAMESPACE_DEFAULTS.has(`${object.kind}/${object.metadata?.name}`)) {
    return 'made by Kubernetes for every namespace';
  }
  if (object.kind === 'Secret' && CONTROLLER_SECRET_TYPES.has(object.type)) {
    return `written by a controller (type ${object.type})`;
  }
  const managers = managerKeysOf(matchableObject(object), instanceLabelKey);
  if (managers.length > 0) return `managed already (${managers.join(', ')})`;
  return undefined;
}

const leftOut = (object: Manifest, reason: string): AdoptionLeftOut => ({
  kind: object.kind,
  name: object.metadata?.name,
  reason,
});

/**
 * Sorts a namespace's objects into the ones to adopt, the ones refused (Secrets) and the ones skipped: made by a
 * controller (an owner reference), by Kubernetes (the default ServiceAccount, `kube-root-ca.crt`) or managed by
 * Argo CD or Flux already (their tracking marks, as entity mapping reads them).
 */
export function selectAdoptable(
  objects: Manifest[],
  instanceLabelKey?: string,
): {
  adopt: Manifest[];
  refused: AdoptionLeftOut[];
  skipped: AdoptionLeftOut[];
} {
  const adopt: Manifest[] = [];
  const refused: AdoptionLeftOut[] = [];
  const skipped: AdoptionLeftOut[] = [];
  for (const object of objects) {
    const skip = skipReason(object, instanceLabelKey);
    const refusal = skip ? undefined : adoptionRefusal(object);
    if (skip) skipped.push(leftOut(object, skip));
    else if (refusal) refused.push(leftOut(object, refusal));
    else adopt.push(object);
  }
  return { adopt, refused, skipped };
}
