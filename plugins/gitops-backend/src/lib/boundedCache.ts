/**
 * A Map that forgets its least recently used entries beyond `size`: the caches of immutable answers (a commit's files
 * and metadata, the ancestry of two commits, a render of one commit) keep the ones in use without growing forever.
 */
export function boundedCache<V>(size: number) {
  const map = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = map.get(key);
      if (value !== undefined) {
        // Re-inserted: the map's first entry, the one evicted, is then the least recently used.
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key: string, value: V) {
      map.delete(key);
      map.set(key, value);
      if (map.size > size) map.delete(map.keys().next().value!);
    },
    delete: (key: string) => map.delete(key),
  };
}
