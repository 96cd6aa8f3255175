/**
 * An index from an id to the object keys under it. Most ids name one object (an Application's manager ids, a
 * Crossplane claim's identity), so one key is held as the string itself and only a second one makes a Set: a
 * one-element Set costs ~150 bytes, and the reconciler benchmark holds several per object.
 */
export type KeySetIndex = Map<string, string | Set<string>>;

export function addTo(index: KeySetIndex, id: string, key: string) {
  const keys = index.get(id);
  if (keys === undefined || keys === key) index.set(id, key);
  else if (typeof keys === 'string') index.set(id, new Set([keys, key]));
  else keys.add(key);
}

export function removeFrom(index: KeySetIndex, id: string, key: string) {
  const keys = index.get(id);
  if (keys === key) {
    index.delete(id);
  } else if (keys instanceof Set) {
    keys.delete(key);
    // Back to the plain string once one key is left.
    if (keys.size === 1) index.set(id, keys.values().next().value as string);
  }
}

/** The keys under an id (none when it has none). */
export function keysAt(index: KeySetIndex, id: string): Iterable<string> {
  const keys = index.get(id);
  if (keys === undefined) return [];
  return typeof keys === 'string' ? [keys] : keys;
}

/** How many keys are under an id. */
export function countAt(index: KeySetIndex, id: string): number {
  const keys = index.get(id);
  if (keys === undefined) return 0;
  return typeof keys === 'string' ? 1 : keys.size;
}
