/** Entries kept per cache: answers about immutable shas, a few per environment pair and service. */
const CACHE_SIZE = 2_000;

/** A Map that forgets its oldest entries beyond CACHE_SIZE. */
export function boundedCache<V>() {
  const map = new Map<string, V>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: V) {
      map.set(key, value);
      if (map.size > CACHE_SIZE) map.delete(map.keys().next().value!);
    },
  };
}
