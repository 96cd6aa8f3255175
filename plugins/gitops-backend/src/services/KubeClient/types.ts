/** A Kubernetes `Status` failure or a transport failure, classified for the watch loop. */
export class KubeRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined for network errors (refused, reset, aborted). */
    readonly status?: number,
    /** Seconds from a `Retry-After` header (429/503). */
    readonly retryAfterSeconds?: number,
    /** `reason` of the Kubernetes `Status` body, e.g. `Expired`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'KubeRequestError';
  }
}

/** One line of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR' | string;
  object: Record<string, unknown>;
}

export interface WatchHandle {
  /** Resolves when the stream ends (server timeout or close); rejects on a transport error. */
  done: Promise<void>;
  abort(): void;
}

/** The read-only calls the reconciler makes to one cluster. */
export interface KubeClient {
  /** GET a JSON document (discovery, list pages). */
  getJson(
    path: string,
    query?: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>>;
  /** Open a watch; `onEvent` gets every parsed line. */
  watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (event: WatchEvent) => void,
    /** Aborts the request while it is still waiting for the response headers. */
    signal?: AbortSignal,
  ): Promise<WatchHandle>;
}
