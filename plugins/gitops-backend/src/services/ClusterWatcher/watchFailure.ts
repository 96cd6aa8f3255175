import { WatchedKind } from '@gitops-portal/plugin-gitops-common';
import { errorMessage } from '../../lib/errorMessage';
import { KubeRequestError } from '../KubeClient';

/** The list RV is too old (410 / ERROR Expired): only a full relist helps. */
class ExpiredError extends Error {}

export const isExpired = (error: unknown) =>
  error instanceof ExpiredError ||
  (error instanceof KubeRequestError && error.status === 410);

/** The error an `ERROR` line of a watch stream stands for (its object is a Kubernetes `Status`). */
export function watchEventError(status: Record<string, unknown>): Error {
  const code = status.code;
  if (code === 410) return new ExpiredError(String(status.message));
  return new KubeRequestError(
    String(status.message ?? 'watch error'),
    typeof code === 'number' ? code : 500,
  );
}

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
  const message = errorMessage(error);
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

/**
 * What a failed discovery round means for the cluster's connection. Only a 401 or a request without an answer
 * marks it; any other answer leaves the connection as the cluster's watches see it.
 */
export function classifyDiscoveryFailure(error: unknown): {
  connection: 'unreachable' | 'unauthorized' | 'none';
  message: string;
} {
  const failure = classifyWatchFailure(error);
  if (failure.connection === 'unauthorized') {
    return { connection: 'unauthorized', message: failure.message };
  }
  return {
    connection: failure.status === undefined ? 'unreachable' : 'none',
    message: failure.message,
  };
}
