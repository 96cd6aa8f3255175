/*
 * Crossplane's part of the test double. A claim an Argo CD Application or Flux Kustomization renders (the golden
 * path's `apps/<service>/claims/`, referenced from every overlay) is applied as the engine would apply it, with the
 * engine's tracking marks, then composed as Crossplane would: a composite named after the claim and the demo
 * composition's managed resource, linked both ways and stamped with Crossplane's claim labels only (no label of
 * ours), so the portal maps them through the claim. Creating while the delivery progresses, Ready once it is healthy.
 */
import { createHash } from 'node:crypto';
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import { CLAIM_KINDS } from '../demo/crossplane';
import { claimStatusIn } from './claimStatus';
import type { DeliveryKind, TrackedObject } from './clusterTree';
import type { DeliveryPhase } from './deliveryStatus';

type Obj = Record<string, any>;

/** The delivery that rendered the claim: its marks are what Argo CD or Flux leave on what they apply. */
export interface ClaimManager extends TrackedObject {
  type: DeliveryKind;
}

export const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

/** The XRD whose claim kind this object is, if any. */
export function xrdOf(
  cluster: EmulatedCluster,
  object: KubeObject,
): Obj | undefined {
  return cluster
    .list('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition')
    .find(
      xrd =>
        (xrd as Obj).spec?.group === groupOf(object.apiVersion) &&
        (xrd as Obj).spec?.claimNames?.kind === object.kind,
    );
}

/** Argo CD's annotation tracking (its default since 3.0) or kustomize-controller's labels. */
export function trackingMarks(
  manager: ClaimManager,
  claim: KubeObject,
): { annotations: Record<string, string>; labels: Record<string, string> } {
  if (manager.type === 'argocd') {
    const { name, namespace } = claim.metadata;
    return {
      annotations: {
        'argocd.argoproj.io/tracking-id': `${manager.name}:${groupOf(
          claim.apiVersion,
        )}/${claim.kind}:${namespace}/${name}`,
      },
      labels: {},
    };
  }
  return {
    annotations: {},
    labels: {
      'kustomize.toolkit.fluxcd.io/name': manager.name,
      'kustomize.toolkit.fluxcd.io/namespace': manager.namespace ?? '',
    },
  };
}

/**
 * Crossplane names what it creates `<prefix>-<5 random chars>` (a composite after its claim, a composed resource
 * after its composite); here the suffix is derived from `seed`, so a resync keeps the name.
 */
export function generatedName(prefix: string, seed: string) {
  const suffix = createHash('sha256').update(seed).digest('hex').slice(0, 5);
  return `${prefix}-${suffix}`;
}

/** The composite of a claim, named as Crossplane would. */
export function compositeNameOf(cluster: EmulatedCluster, claim: KubeObject) {
  const { name, namespace } = claim.metadata;
  return generatedName(name!, `${cluster.name}/${namespace}/${name}`);
}

/** A reference to an object (`resourceRef`, `resourceRefs[]`). */
export interface Ref {
  apiVersion: string;
  kind: string;
  name: string;
}

/**
 * A claim's composite as Crossplane's claim reconciler writes it: the claim's parameters, bound back to the claim
 * (`claimRef`), listing what it composes (`resourceRefs`), stamped with Crossplane's claim labels only.
 */
export function compositeOf(claim: Obj, ref: Ref, resourceRefs: Ref[]) {
  const { name, namespace } = claim.metadata;
  return {
    ...ref,
    metadata: {
      name: ref.name,
      labels: {
        'crossplane.io/claim-name': name,
        'crossplane.io/claim-namespace': namespace ?? '',
        'crossplane.io/composite': ref.name,
      },
    },
    spec: {
      parameters: claim.spec?.parameters,
      claimRef: {
        apiVersion: claim.apiVersion,
        kind: claim.kind,
        namespace,
        name,
      },
      resourceRefs,
    },
  };
}

/** A managed resource a live composite composes: the composite's labels, the composite its controller owner. */
export function composedResource(
  composite: KubeObject,
  ref: Ref,
  forProvider: Record<string, unknown>,
  annotations?: Record<string, string>,
) {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: {
      name: ref.name,
      labels: composite.metadata.labels,
      ...(annotations ? { annotations } : {}),
      ownerReferences: [
        {
          apiVersion: composite.apiVersion,
          kind: composite.kind,
          name: composite.metadata.name!,
          uid: composite.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { forProvider, providerConfigRef: { name: 'default' } },
  };
}

/** Applies and composes every claim among a delivery's rendered objects, with the status of this phase. */
export function composeRenderedClaims(
  cluster: EmulatedCluster,
  manager: ClaimManager,
  rendered: KubeObject[],
  phase: DeliveryPhase,
  at: string,
  message?: string,
) {
  for (const object of rendered) {
    const xrd = xrdOf(cluster, object);
    const claim = object as KubeObject & Obj;
    if (!xrd) continue;
    const compositeName = compositeNameOf(cluster, claim);
    const managed = Object.values(CLAIM_KINDS).find(
      k => k.claimKind === claim.kind,
    )?.managed;
    const status = (live: Obj | undefined) =>
      claimStatusIn(live ?? {}, phase, at, message);
    const marks = trackingMarks(manager, claim);
    const compositeRef = {
      apiVersion: claim.apiVersion,
      kind: xrd.spec.names.kind,
      name: compositeName,
    };
    const liveOf = (o: Obj) =>
      cluster.get(o.apiVersion, o.kind, o.metadata.name, o.metadata.namespace);

    const appliedClaim = {
      ...claim,
      metadata: {
        ...claim.metadata,
        labels: { ...claim.metadata.labels, ...marks.labels },
        annotations: { ...claim.metadata.annotations, ...marks.annotations },
      },
      spec: { ...claim.spec, resourceRef: compositeRef },
    };
    const composite = compositeOf(
      claim,
      compositeRef,
      managed
        ? [
            {
              apiVersion: managed.apiVersion,
              kind: managed.kind,
              name: compositeName,
            },
          ]
        : [],
    );
    cluster.apply({ ...appliedClaim, status: status(liveOf(appliedClaim)) });
    const [liveComposite] = cluster.apply({
      ...composite,
      status: status(liveOf(composite)),
    });
    if (!managed) continue;
    const resource = composedResource(
      liveComposite,
      composite.spec.resourceRefs[0],
      { region: 'eu-west-1' },
    );
    cluster.apply({ ...resource, status: status(liveOf(resource)) });
  }
}
