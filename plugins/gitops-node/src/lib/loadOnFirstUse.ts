/**
 * A getter that runs `load` on its first call and returns that result from then on.
 *
 * For a heavy dependency only some paths need (`@kubernetes/client-node` for schema validation, CEL for policies):
 * a module-top import would make every importer (each Jest test file, the backend at start) pay for it.
 *
 * @alpha
 */
export function loadOnFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}
