/**
 * A Map that forgets its oldest entries beyond `size`: the caches of immutable answers (a commit's files and
 * metadata, the ancestry of two commits, a render of one commit) keep the recent ones without growing forever.
 */
export function boundedCache<V>(size: number) {
  const map = new Map<string, V>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: V) {
      map.set(key, value);
      if (map.size > size) map.delete(map.keys().next().value!);
    },
    delete: (key: string) => map.delete(key),
  };
}
