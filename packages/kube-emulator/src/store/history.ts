import { KubeObject } from '../types';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change as watchers see it; `previous` lets label-selector watches turn MODIFIED into ADDED/DELETED. */
export interface StoreEvent {
  type: EventType;
  rv: number;
  /** Storage key (`group/plural`) of the resource. */
  resource: string;
  object: KubeObject;
  previous?: KubeObject;
}

/** Bounded list of recent events, so watches can resume from a resourceVersion. */
export class WatchHistory {
  private events: StoreEvent[] = [];
  /** Watches from an RV below this have missed events we no longer have. */
  private oldestResumableRv = 0;

  constructor(private readonly size: number) {}

  push(event: StoreEvent) {
    this.events.push(event);
    // Trim in chunks so pushing stays O(1) amortised.
    if (this.events.length > this.size + 256) {
      const drop = this.events.length - this.size;
      this.oldestResumableRv = this.events[drop - 1].rv;
      this.events = this.events.slice(drop);
    }
  }

  /** Events after `rv`, or undefined if some of them are gone (the watch must get 410). */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.oldestResumableRv) return undefined;
    const all = this.events;
    // Binary search for the first event with event.rv > rv.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return all.slice(lo);
  }

  get oldestRv(): number {
    return this.oldestResumableRv;
  }

  /** Forget everything up to `rv`: older resumes now answer 410. */
  reset(rv: number) {
    this.events = [];
    this.oldestResumableRv = rv;
  }
}
