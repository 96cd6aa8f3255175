import { errors } from '../apiError';

/** What a continue token carries; opaque to clients (base64 JSON like the real `{"v","rv","start"}`). */
export interface ContinueState {
  /** RV the first page was served at; later pages report it too. */
  rv: number;
  /** First key of the next page. */
  start: string;
  /** Store epoch; compaction changes it and invalidates older tokens. */
  epoch: string;
  /** When the first page was served (ms since epoch); tokens expire after a TTL. */
  issuedAt: number;
}

export const EXPIRED_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export function encodeContinue(state: ContinueState): string {
  const payload = {
    v: 'meta.k8s.io/v1',
    rv: state.rv,
    start: state.start,
    e: state.epoch,
    t: state.issuedAt,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeContinue(token: string): ContinueState {
  try {
    const p = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      p.v !== 'meta.k8s.io/v1' ||
      typeof p.rv !== 'number' ||
      typeof p.start !== 'string' ||
      typeof p.e !== 'string' ||
      typeof p.t !== 'number'
    ) {
      throw new Error('unexpected fields');
    }
    return { rv: p.rv, start: p.start, epoch: p.e, issuedAt: p.t };
  } catch {
    throw errors.badRequest(
      'continue key is not valid: illegal base64 data or unexpected token contents',
    );
  }
}

/** Throws 410 Expired when a token is from before a compaction or older than the TTL. */
export function checkContinueFresh(
  state: ContinueState,
  epoch: string,
  ttlMs: number,
  now = Date.now(),
) {
  if (state.epoch !== epoch || now - state.issuedAt > ttlMs) {
    throw errors.expired(EXPIRED_CONTINUE_MESSAGE);
  }
}
