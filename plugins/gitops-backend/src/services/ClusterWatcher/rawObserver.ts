/** Raw objects of a kind, for watchers that need more than the status record (XRDs, CRDs). */
export interface RawObserver {
  replaced(objects: Record<string, unknown>[]): void;
  upserted(object: Record<string, unknown>): void;
  deleted(object: Record<string, unknown>): void;
}
