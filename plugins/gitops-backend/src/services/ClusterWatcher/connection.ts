import { ClusterState, WatchedKind } from '@gitops-portal/plugin-gitops-common';

type Failure = 'unreachable' | 'unauthorized';

/**
 * Tracks one cluster's connection from the outcome of every request: the
 * latest outcome wins, so a cluster is unreachable from its first failed
 * request after the last good one until the next good one.
 */
export class ConnectionTracker {
  private lastContact?: number;
  private failure?: { kind: Failure; message: string; at: number };

  private staleTimer?: NodeJS.Timeout;

  constructor(
    private readonly onChange: () => void,
    private readonly staleAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stops the timer that announces when the data turns stale. */
  close() {
    clearTimeout(this.staleTimer);
  }

  contact() {
    const wasFailing = this.failing();
    this.lastContact = this.now();
    if (wasFailing) this.onChange();
  }

  fail(kind: Failure, message: string) {
    const before = this.failing()?.kind;
    this.failure = { kind, message, at: this.now() };
    if (before !== kind) {
      this.onChange();
      // Staleness is a matter of time: announce the moment it begins too.
      const since = this.lastContact ?? this.failure.at;
      clearTimeout(this.staleTimer);
      this.staleTimer = setTimeout(
        () => this.failing() && this.onChange(),
        // Node timers may fire a millisecond early: leave a margin.
        Math.max(0, since + this.staleAfterMs - this.now()) + 10,
      );
      this.staleTimer.unref?.();
    }
  }

  private failing() {
    if (!this.failure) return undefined;
    return this.lastContact !== undefined && this.lastContact > this.failure.at
      ? undefined
      : this.failure;
  }

  /** Since when the cluster's data is stale: it has had no good contact for longer than staleAfterMs. */
  staleSince(startedAt: number): number | undefined {
    if (!this.failing()) return undefined;
    const since = this.lastContact ?? startedAt;
    return this.now() - since >= this.staleAfterMs ? since : undefined;
  }

  state(
    base: { name: string; environment?: string },
    kinds: WatchedKind[],
    staleSince: number | undefined,
  ): ClusterState {
    const failing = this.failing();
    const broken = kinds.filter(
      k => k.state === 'forbidden' || k.state === 'error',
    );
    let state: ClusterState['state'] = 'ok';
    let message: string | undefined;
    if (failing) {
      state = failing.kind;
      message = failing.message;
    } else if (broken.length > 0) {
      state = 'degraded';
      message = broken
        .map(k => `${k.kind}: ${k.message ?? k.state}`)
        .join('; ');
    }
    return {
      name: base.name,
      ...(base.environment ? { environment: base.environment } : {}),
      state,
      ...(message ? { message } : {}),
      ...(this.lastContact !== undefined
        ? { lastContact: new Date(this.lastContact).toISOString() }
        : {}),
      ...(staleSince !== undefined
        ? { staleSince: new Date(staleSince).toISOString() }
        : {}),
      kinds,
    };
  }
}
