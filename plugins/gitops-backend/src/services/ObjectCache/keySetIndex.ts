/** An index from an id to a set of object keys: adds create the set, removes drop an emptied one. */
export type KeySetIndex = Map<string, Set<string>>;

export function addTo(index: KeySetIndex, id: string, key: string) {
  let keys = index.get(id);
  if (!keys) index.set(id, (keys = new Set()));
  keys.add(key);
}

export function removeFrom(index: KeySetIndex, id: string, key: string) {
  const keys = index.get(id);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(id);
}
