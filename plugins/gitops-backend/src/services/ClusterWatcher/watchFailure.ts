import { WatchedKind } from '@gitops-portal/plugin-gitops-common';
import { KubeRequestError } from '../KubeClient';

/** What a failed list or watch request means for the kind and the cluster's connection. */
export interface WatchFailure {
  state: WatchedKind['state'];
  message: string;
  /** How the cluster's connection is affected: the server answered, or it failed (and how). */
  connection: 'contact' | 'unreachable' | 'unauthorized' | 'none';
  /** The server said how long to wait (429 / Retry-After). */
  retryAfterMs?: number;
  forbidden: boolean;
  /** No answer at all (refused, reset, aborted). */
  network: boolean;
  status?: number;
}

export function classifyWatchFailure(error: unknown): WatchFailure {
  const known = error instanceof KubeRequestError ? error : undefined;
  const status = known?.status;
  const message = error instanceof Error ? error.message : String(error);
  const retryAfterMs =
    known?.retryAfterSeconds !== undefined
      ? known.retryAfterSeconds * 1000
      : undefined;
  const base = { status, forbidden: false, network: false, retryAfterMs };
  if (status === 401) {
    const text = `Unauthorized: ${message}`;
    return {
      ...base,
      state: 'error',
      message: text,
      connection: 'unauthorized',
    };
  }
  if (status === 403) {
    return {
      ...base,
      state: 'forbidden',
      message,
      connection: 'contact',
      forbidden: true,
    };
  }
  if (status === 429 && known) {
    return {
      ...base,
      state: 'error',
      message: `Throttled: ${message}`,
      connection: 'contact',
      retryAfterMs: retryAfterMs ?? 1000,
    };
  }
  if (status === undefined && known) {
    return {
      ...base,
      state: 'error',
      message,
      connection: 'unreachable',
      network: true,
    };
  }
  // Any other answer: the server is there, the request failed.
  return {
    ...base,
    state: 'error',
    message,
    connection: status !== undefined ? 'contact' : 'none',
  };
}
