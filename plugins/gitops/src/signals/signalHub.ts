import type { SignalApi } from '@backstage/plugin-signals-react';
import {
  GITOPS_SIGNAL_CHANNEL,
  type GitopsSignal,
} from '@gitops-portal/plugin-gitops-common';
import type { SignalPosition } from './signalPositions';

/*
 * Backstage's signals deliver a message only to sockets subscribed when it is published: one published while the
 * browser's socket connects (about 0.1-1 s after a page first subscribes) or reconnects (5 s after a drop) is lost,
 * and a view that asked for its data just before would show it until the next change, maybe for good (a claim that
 * turned Ready as the page opened). The hub keeps one subscription per page, whatever views come and go, and learns
 * when it may have missed something: the backend numbers its broadcasts, and echoes a token with its last number
 * (`POST /signals/echo`) once the subscription is live. A view that may be behind is told to fetch again.
 */

/** A view listening for changes of its entities. */
export interface SignalWatcher {
  /** The entity refs the view shows (read at each message: they may grow once the view's answer lists them). */
  refs(): readonly string[];
  /** When the data the view shows was requested (`Date.now()`): a change after that may not be in it. */
  since: number;
  /** The view may be behind: it should fetch again. */
  notify(): void;
  /** Which broadcast the data it shows includes (`signalPositions.ts`), when known. */
  position?(): SignalPosition | undefined;
}

/** How the hub asks the backend for an echo (the GitopsApi's `requestSignalEcho`). */
export type RequestEcho = (token: string) => Promise<void>;

/** Messages received are kept this long, for views whose data was requested before they started listening. */
export const RECENT_MS = 60_000;
/** While views listen, an echo this often checks that the subscription still works (and nothing was missed). */
export const HEARTBEAT_MS = 30_000;
/** An echo not back after this long: the subscription is taken as broken until one comes back. */
export const ECHO_TIMEOUT_MS = 10_000;
/** Until an echo comes back: the waits between echo requests (the last one repeats). */
export const ECHO_RETRY_MS = [1_000, 2_000, 5_000, 10_000];
/** Echoes asked for and accepted when they come back late. */
const MAX_PENDING_ECHOES = 4;
/** While the subscription is broken, views fetch again this often (signals blocked by a proxy, backend restarting). */
export const FALLBACK_POLL_MS = 30_000;

/**
 * Whether live updates reach the page: `connecting` until the first echo, `live` once one came back, `broken` when
 * one did not (`since`: when the last echo came back, or the page started listening); views then fetch every
 * FALLBACK_POLL_MS instead.
 */
export type LiveUpdates =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'broken'; since: number };

function newToken(): string {
  // getRandomValues, unlike randomUUID, exists outside secure contexts too (a portal served over plain http).
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

/** The broadcast a message names (its own, or an echo's last), when it says. */
const positionOf = ({
  publisher,
  seq,
}: GitopsSignal): SignalPosition | undefined =>
  typeof publisher === 'string' && typeof seq === 'number'
    ? { publisher, seq }
    : undefined;

const namesAny = (refs: readonly string[], named: readonly string[]) =>
  named.some(ref => refs.includes(ref));

export class SignalHub {
  /** Since when every broadcast reached this page, as far as an echo proved; undefined while unproven. */
  private coveredSince: number | undefined;
  /** The broadcast the proving echo named: data that includes it missed nothing from before `coveredSince`. */
  private coveredFrom: SignalPosition | undefined;
  /** The last broadcast number received, per publisher (backend process). */
  private readonly lastSeq = new Map<string, number>();
  /** The broadcasts received since `coveredSince` (at most RECENT_MS back). */
  private recent: Array<{ at: number; refs: readonly string[] }> = [];
  private readonly watchers = new Set<SignalWatcher>();
  /** The echo tokens asked for and not back yet. */
  private readonly pending = new Set<string>();
  private retries = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private live: LiveUpdates = { state: 'connecting' };
  /** When the last echo came back. */
  private provenAt: number | undefined;
  private readonly createdAt: number;
  private readonly liveListeners = new Set<(live: LiveUpdates) => void>();

  constructor(
    signals: SignalApi,
    private readonly requestEcho: RequestEcho,
    private readonly now: () => number = Date.now,
  ) {
    this.createdAt = now();
    // Never unsubscribed: views mount and unmount as the page settles, and the last unsubscribe closes the socket,
    // which is how messages get lost in the first place.
    signals.subscribe<GitopsSignal>(GITOPS_SIGNAL_CHANNEL, message =>
      this.receive(message),
    );
  }

  /** Starts telling `watcher` of changes; returns how to stop. */
  watch(watcher: SignalWatcher): () => void {
    this.watchers.add(watcher);
    if (this.watchers.size === 1) {
      this.sendEcho();
      if (this.live.state === 'broken') this.startPolling();
    }
    // While unproven, the echo that proves the subscription tells every watcher.
    if (this.coveredSince !== undefined) {
      this.catchUp(watcher, watcher.refs());
    }
    return () => {
      this.watchers.delete(watcher);
      if (this.watchers.size === 0) this.stopTimers();
    };
  }

  /** Whether live updates reach the page now. */
  liveUpdates(): LiveUpdates {
    return this.live;
  }

  /** Calls `listener` whenever `liveUpdates()` changes; returns how to stop. */
  onLiveUpdates(listener: (live: LiveUpdates) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** No proof that broadcasts reach the page: nothing logged can be trusted, and views poll until an echo is back. */
  private setBroken() {
    this.coveredSince = undefined;
    this.coveredFrom = undefined;
    this.recent = [];
    this.setLive({ state: 'broken', since: this.provenAt ?? this.createdAt });
  }

  private setLive(live: LiveUpdates) {
    if (live.state === this.live.state) return;
    this.live = live;
    clearInterval(this.poll);
    this.poll = undefined;
    if (live.state === 'broken') this.startPolling();
    for (const listener of [...this.liveListeners]) listener(live);
  }

  private startPolling() {
    if (this.watchers.size === 0) return;
    this.poll = setInterval(() => {
      for (const watcher of [...this.watchers]) watcher.notify();
    }, FALLBACK_POLL_MS);
  }

  /** `refs` were added to `watcher`'s: tells it if one of them changed since its data was requested. */
  added(watcher: SignalWatcher, refs: readonly string[]): void {
    if (this.coveredSince !== undefined && refs.length > 0) {
      this.catchUp(watcher, refs);
    }
  }

  /** Whether what `watcher` shows includes every broadcast the proving echo named (it missed nothing before). */
  private includesCovered(watcher: SignalWatcher): boolean {
    const position = watcher.position?.();
    const from = this.coveredFrom;
    return (
      !!position &&
      !!from &&
      position.publisher === from.publisher &&
      position.seq >= from.seq
    );
  }

  private catchUp(watcher: SignalWatcher, refs: readonly string[]) {
    const now = this.now();
    const uncovered =
      (watcher.since < this.coveredSince! && !this.includesCovered(watcher)) ||
      watcher.since < now - RECENT_MS;
    const missed = this.recent.some(
      entry => entry.at >= watcher.since && namesAny(refs, entry.refs),
    );
    if (uncovered || missed) watcher.notify();
  }

  private receive(message: GitopsSignal) {
    if (typeof message.echo === 'string') {
      if (this.pending.delete(message.echo)) this.echoed(message);
      return;
    }
    if (!Array.isArray(message.entityRefs)) return;
    if (this.gapBefore(message, 1)) {
      // Views whose data includes this broadcast (and so the ones before it) are up to date.
      this.missed(positionOf(message));
      return;
    }
    const now = this.now();
    if (this.coveredSince !== undefined) {
      this.recent = this.recent.filter(entry => entry.at >= now - RECENT_MS);
      this.recent.push({ at: now, refs: message.entityRefs });
    }
    for (const watcher of [...this.watchers]) {
      if (namesAny(watcher.refs(), message.entityRefs)) watcher.notify();
    }
  }

  /**
   * Whether broadcasts before `message` were missed: its number is more than `step` past the last one received from
   * its publisher, or (while proven) a publisher not heard from yet had numbered some already (a restarted backend,
   * or another replica: one refetch too many then, never one too few). Records the number.
   */
  private gapBefore(message: GitopsSignal, step: number): boolean {
    const { publisher, seq } = message;
    if (typeof publisher !== 'string' || typeof seq !== 'number') return false;
    const last = this.lastSeq.get(publisher);
    this.lastSeq.set(publisher, Math.max(last ?? 0, seq));
    if (this.coveredSince === undefined) return false;
    return last === undefined ? seq > step : seq > last + step;
  }

  private echoed(message: GitopsSignal) {
    clearTimeout(this.deadline);
    this.retries = 0;
    const unproven = this.coveredSince === undefined;
    if (this.gapBefore(message, 0) || unproven) {
      // Proven now, or a broadcast was missed: what was published before may not have arrived, but views whose data
      // includes the broadcast the echo names (the usual case on a page that just opened) already show it.
      this.missed(positionOf(message));
    }
    this.provenAt = this.now();
    this.setLive({ state: 'live' });
    this.schedule(HEARTBEAT_MS);
  }

  /**
   * Something may have been missed until now: every watcher fetches again, but those whose data includes `from` (the
   * last broadcast published before now, when known); what follows reaches this page.
   */
  private missed(from: SignalPosition | undefined) {
    this.coveredSince = this.now();
    this.coveredFrom = from;
    this.recent = [];
    for (const watcher of [...this.watchers]) {
      if (!this.includesCovered(watcher)) watcher.notify();
    }
  }

  private sendEcho() {
    this.stopEchoTimers();
    const token = newToken();
    // A late echo proves the subscription as well as a timely one: the last few asked for are accepted.
    this.pending.add(token);
    if (this.pending.size > MAX_PENDING_ECHOES) {
      this.pending.delete(this.pending.values().next().value!);
    }
    this.deadline = setTimeout(() => {
      // Not back: the subscription is broken (or still connecting); views wait for the echo that proves it again.
      this.setBroken();
      this.retry();
    }, ECHO_TIMEOUT_MS);
    this.requestEcho(token).catch(() => {
      // The backend did not take the request (down, or too old to echo): no live updates can be proven.
      clearTimeout(this.deadline);
      this.pending.delete(token);
      this.setBroken();
      this.retry();
    });
  }

  private retry() {
    const wait =
      ECHO_RETRY_MS[Math.min(this.retries, ECHO_RETRY_MS.length - 1)];
    this.retries += 1;
    this.schedule(wait);
  }

  private schedule(wait: number) {
    clearTimeout(this.timer);
    if (this.watchers.size === 0) return;
    this.timer = setTimeout(() => this.sendEcho(), wait);
  }

  private stopEchoTimers() {
    clearTimeout(this.timer);
    clearTimeout(this.deadline);
    this.timer = undefined;
    this.deadline = undefined;
  }

  private stopTimers() {
    this.stopEchoTimers();
    // Echoes asked for before count no more: the next one is asked for when a view listens again.
    this.pending.clear();
    clearInterval(this.poll);
    this.poll = undefined;
  }
}

const hubs = new WeakMap<SignalApi, SignalHub>();

/** The page's one hub over `signals` (one SignalApi per app). */
export function signalHubOf(
  signals: SignalApi,
  requestEcho: RequestEcho,
): SignalHub {
  let hub = hubs.get(signals);
  if (!hub) {
    hub = new SignalHub(signals, requestEcho);
    hubs.set(signals, hub);
  }
  return hub;
}
