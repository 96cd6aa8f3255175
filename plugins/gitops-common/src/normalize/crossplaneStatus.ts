import {
  CrossplaneInfo,
  CrossplaneRole,
  Health,
  ObjectRef,
  SyncStatus,
  Xrd,
  XrdVersion,
} from '../schema';
import {
  compact,
  EngineStatus,
  objectRefOf,
  NORMALIZE_LIMITS,
  toConditions,
} from './engineStatus';
import { crossplaneHealth, crossplaneManagedHealth } from './crossplaneHealth';
import { staleGenerationHealth } from './generation';
import { isPendingDeletion } from './health';
import {
  apiGroupOf,
  asArray,
  asText,
  at,
  isRecord,
  latestTimestamp,
  readConditions,
  stringMap,
} from './raw';

/**
 * The annotation that pauses Crossplane's reconciliation of an object.
 *
 * @public
 */
export const CROSSPLANE_PAUSED_ANNOTATION = 'crossplane.io/paused';
/**
 * The API group of Crossplane's CompositeResourceDefinition.
 *
 * @public
 */
export const XRD_GROUP = 'apiextensions.crossplane.io';
/**
 * The kind of Crossplane's CompositeResourceDefinition.
 *
 * @public
 */
export const XRD_KIND = 'CompositeResourceDefinition';

/**
 * Synced condition: True is Synced, False is OutOfSync, anything else Unknown.
 *
 * @public
 */
export function crossplaneSync(obj: unknown): SyncStatus {
  const synced = (readConditions(at(obj, 'status')) ?? []).find(
    c => c.type === 'Synced',
  );
  if (synced?.status === 'True') return 'Synced';
  if (synced?.status === 'False') return 'OutOfSync';
  return 'Unknown';
}

/**
 * Argo CD's Crossplane rule (managed resources: the provider-specific readiness of
 * {@link crossplaneManagedHealth}), after pending deletion and the portal's stale-generation rule.
 *
 * @public
 */
export function crossplaneObjectHealth(
  obj: unknown,
  role?: CrossplaneRole,
): Health {
  const argo =
    role === 'managed' ? crossplaneManagedHealth(obj) : crossplaneHealth(obj);
  if (isPendingDeletion(obj)) return argo;
  return staleGenerationHealth(obj) ?? argo;
}

function toRefs(value: unknown): ObjectRef[] | undefined {
  const list = asArray(value);
  if (!list) return undefined;
  return list
    .slice(0, NORMALIZE_LIMITS.resources)
    .map(objectRefOf)
    .filter((ref): ref is ObjectRef => ref !== undefined);
}

/** The composite that controls a managed resource (its controller owner reference). */
function controllerOwner(obj: unknown): ObjectRef | undefined {
  const owners = asArray(at(obj, 'metadata', 'ownerReferences')) ?? [];
  return objectRefOf(owners.find(owner => at(owner, 'controller') === true));
}

/** Claim identity from the labels Crossplane stamps on composites and managed resources. */
function claimFromLabels(
  labels: Record<string, string>,
): ObjectRef | undefined {
  const name = labels['crossplane.io/claim-name'];
  if (!name) return undefined;
  return compact({
    name,
    namespace: labels['crossplane.io/claim-namespace'] || undefined,
  });
}

/**
 * Crossplane relationships of an object in the given role (v1 and v2 field layouts).
 *
 * @public
 */
export function crossplaneInfo(
  obj: unknown,
  role: CrossplaneRole,
): CrossplaneInfo {
  const spec = at(obj, 'spec');
  const labels = stringMap(at(obj, 'metadata', 'labels'));
  const connectionSecretRef = objectRefOf(
    at(spec, 'writeConnectionSecretToRef'),
  );
  switch (role) {
    case 'claim':
      return compact({
        role,
        compositeRef: objectRefOf(at(spec, 'resourceRef')),
        connectionSecretRef,
      });
    case 'composite':
      return compact({
        role,
        claimRef:
          objectRefOf(at(spec, 'claimRef')) ??
          objectRefOf(at(spec, 'crossplane', 'claimRef')) ??
          claimFromLabels(labels),
        resourceRefs: toRefs(
          at(spec, 'resourceRefs') ?? at(spec, 'crossplane', 'resourceRefs'),
        ),
        connectionSecretRef,
      });
    case 'managed': {
      const composite = labels['crossplane.io/composite'];
      return compact({
        role,
        compositeRef:
          controllerOwner(obj) ?? (composite ? { name: composite } : undefined),
        claimRef: claimFromLabels(labels),
        connectionSecretRef,
      });
    }
    default:
      return { role };
  }
}

/**
 * Normalises a Crossplane claim, composite, managed resource or XRD.
 *
 * @public
 */
export function crossplaneStatus(
  obj: unknown,
  role: CrossplaneRole,
): EngineStatus {
  const raw = readConditions(at(obj, 'status'));
  const annotations = stringMap(at(obj, 'metadata', 'annotations'));
  return compact({
    sync: crossplaneSync(obj),
    health: crossplaneObjectHealth(obj, role),
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended: annotations[CROSSPLANE_PAUSED_ANNOTATION] === 'true',
    crossplane: crossplaneInfo(obj, role),
  });
}

/**
 * Reads a CompositeResourceDefinition into the portal's XRD record; undefined if it is not one.
 *
 * @public
 */
export function xrdFromObject(obj: unknown, cluster: string): Xrd | undefined {
  const apiVersion = asText(at(obj, 'apiVersion')) ?? '';
  if (apiGroupOf(apiVersion) !== XRD_GROUP || at(obj, 'kind') !== XRD_KIND) {
    return undefined;
  }
  const name = asText(at(obj, 'metadata', 'name'));
  const spec = at(obj, 'spec');
  const group = asText(at(spec, 'group'));
  const compositeKind = asText(at(spec, 'names', 'kind'));
  if (!name || !group || !compositeKind) return undefined;
  const versions: XrdVersion[] = (asArray(at(spec, 'versions')) ?? []).flatMap(
    version => {
      const versionName = asText(at(version, 'name'));
      if (!versionName) return [];
      const schema = at(version, 'schema', 'openAPIV3Schema');
      return [
        {
          name: versionName,
          served: at(version, 'served') === true,
          referenceable: at(version, 'referenceable') === true,
          schema: isRecord(schema) ? schema : {},
        },
      ];
    },
  );
  return compact({
    name,
    group,
    compositeKind,
    claimKind: asText(at(spec, 'claimNames', 'kind')),
    claimPlural: asText(at(spec, 'claimNames', 'plural')),
    versions,
    cluster,
  });
}
