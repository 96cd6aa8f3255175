import type {
  ObjectRef,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** One dependency of a Flux object and whether it holds the object back. */
export interface DependencyState {
  ref: ObjectRef;
  state: 'ready' | 'waiting' | 'unknown';
}

const refName = (ref: ObjectRef) =>
  ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;

/**
 * The readiness of a Flux object's `dependsOn`, read from its own Ready condition: Flux applies it only once every
 * dependency is Ready, and until then reports `DependencyNotReady` naming the first one it waits for
 * (`dependency '<namespace>/<name>' is not ready`). So: Ready, or failing for another reason, means all are ready;
 * `DependencyNotReady` means the named one is waiting and the others are not known.
 */
export function dependencyStates(object: ObjectStatus): DependencyState[] {
  const refs = object.dependsOn ?? [];
  const ready = object.conditions.find(c => c.type === 'Ready');
  if (!ready || ready.status === 'Unknown') {
    return refs.map(ref => ({ ref, state: 'unknown' }));
  }
  if (ready.reason !== 'DependencyNotReady') {
    return refs.map(ref => ({ ref, state: 'ready' }));
  }
  return refs.map(ref => ({
    ref,
    state: ready.message?.includes(`'${refName(ref)}'`) ? 'waiting' : 'unknown',
  }));
}

export const dependencyText = ({ ref, state }: DependencyState) =>
  `${ref.kind ?? 'object'} ${refName(ref)} ${
    { ready: 'ready', waiting: 'not ready (waited for)', unknown: 'not known' }[
      state
    ]
  }`;
