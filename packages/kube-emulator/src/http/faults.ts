import { randomUUID } from 'node:crypto';
import { Fault, FaultVerb } from '../types';

export interface FaultTarget {
  group?: string;
  resource?: string;
  namespace?: string;
  verb?: FaultVerb;
}

/** What a request must suffer: summed latency, then at most one terminal fault. */
export interface FaultPlan {
  latencyMs: number;
  terminal?: Exclude<Fault, { type: 'latency' }>;
}

const STATUSES = [401, 403, 429, 500, 503];

/** Rejects malformed faults early (they usually arrive as JSON through the control API). */
export function validateFault(fault: Fault): void {
  if (!fault || typeof fault !== 'object')
    throw new Error('fault must be an object');
  if (
    fault.times !== undefined &&
    !(Number.isInteger(fault.times) && fault.times > 0)
  ) {
    throw new Error('fault.times must be a positive integer');
  }
  switch (fault.type) {
    case 'status':
      if (!STATUSES.includes(fault.status))
        throw new Error(`fault.status must be one of ${STATUSES.join(', ')}`);
      return;
    case 'latency':
      if (typeof fault.ms !== 'number' || fault.ms < 0)
        throw new Error('fault.ms must be a non-negative number');
      return;
    case 'silent-watch':
    case 'drop-connection':
      return;
    default:
      throw new Error(
        `unknown fault type ${String((fault as { type?: unknown }).type)}`,
      );
  }
}

function matches(fault: Fault, target: FaultTarget): boolean {
  if (fault.type === 'silent-watch' && target.verb !== 'watch') return false;
  const m = fault.match ?? {};
  return (
    (m.group === undefined || m.group === target.group) &&
    (m.resource === undefined || m.resource === target.resource) &&
    (m.namespace === undefined || m.namespace === target.namespace) &&
    (m.verb === undefined || m.verb === target.verb)
  );
}

/** The faults of one cluster, consumed per matching request. */
export class FaultSet {
  private readonly faults = new Map<
    string,
    { fault: Fault; remaining?: number }
  >();

  add(fault: Fault): string {
    validateFault(fault);
    const id = randomUUID();
    this.faults.set(id, {
      fault: structuredClone(fault),
      remaining: fault.times,
    });
    return id;
  }

  clear(id?: string) {
    if (id === undefined) this.faults.clear();
    else this.faults.delete(id);
  }

  has(id: string): boolean {
    return this.faults.has(id);
  }

  /** Picks the faults for a request and counts them as used. */
  take(target: FaultTarget): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0 };
    for (const [id, entry] of this.faults) {
      const { fault } = entry;
      if (!matches(fault, target)) continue;
      if (fault.type !== 'latency' && plan.terminal) continue;
      if (fault.type === 'latency') plan.latencyMs += fault.ms;
      else plan.terminal = fault;
      if (entry.remaining !== undefined && --entry.remaining <= 0)
        this.faults.delete(id);
    }
    return plan;
  }
}
