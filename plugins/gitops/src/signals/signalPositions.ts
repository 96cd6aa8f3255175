/*
 * Which broadcast each answer of the backend includes (its `gitops-signal-position` header), kept beside the answer
 * object itself: a view that holds the answer can tell the signal hub what it already shows.
 */

/** A publisher (backend process) and its broadcast number. */
export interface SignalPosition {
  publisher: string;
  seq: number;
}

const positions = new WeakMap<object, SignalPosition>();

/** Notes that `answer` (a parsed JSON body) includes every change up to `header`'s broadcast. */
export function recordSignalPosition(answer: unknown, header: string | null) {
  if (typeof answer !== 'object' || answer === null || !header) return;
  const match = /^(.+):(\d{1,15})$/.exec(header);
  if (match)
    positions.set(answer, { publisher: match[1], seq: Number(match[2]) });
}

/**
 * What the answers all include: the smallest position when they come from one publisher; undefined when one has
 * none or they come from several (nothing can be said then).
 */
export function signalPositionOf(
  ...answers: unknown[]
): SignalPosition | undefined {
  let least: SignalPosition | undefined;
  for (const answer of answers) {
    const position =
      typeof answer === 'object' && answer !== null
        ? positions.get(answer)
        : undefined;
    if (!position) return undefined;
    if (least && least.publisher !== position.publisher) return undefined;
    if (!least || position.seq < least.seq) least = position;
  }
  return least;
}

/** `target` (built from `sources`, e.g. merged team answers) includes what all of them include. */
export function carrySignalPosition<T extends object>(
  target: T,
  sources: unknown[],
): T {
  const position = signalPositionOf(...sources);
  if (position) positions.set(target, position);
  return target;
}
