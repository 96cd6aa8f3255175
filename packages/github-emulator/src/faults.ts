import { STATUS_CODES } from 'node:http';
import { ApiResponse, DOCUMENTATION_URL } from './http/api';
import { GithubFault } from './types';

const FAULT_TYPES = [
  'secondary-rate-limit',
  'primary-rate-limit',
  'status',
  'error-after-write',
];

interface ActiveFault {
  id: string;
  fault: GithubFault;
  remaining: number;
}

/** Throws unless `value` is a well-formed fault (the control API receives untyped JSON). */
export function assertFault(value: unknown): asserts value is GithubFault {
  const fault = value as Partial<GithubFault> | null;
  if (
    !fault ||
    typeof fault !== 'object' ||
    !FAULT_TYPES.includes(String(fault.type))
  ) {
    throw new Error(`fault.type must be one of ${FAULT_TYPES.join(', ')}`);
  }
  const status = (fault as { status?: unknown }).status;
  if (
    fault.type === 'status' &&
    !(
      typeof status === 'number' &&
      Number.isInteger(status) &&
      status >= 100 &&
      status < 600
    )
  ) {
    throw new Error('a status fault needs an HTTP status between 100 and 599');
  }
  if (fault.times !== undefined && typeof fault.times !== 'number') {
    throw new Error('fault.times must be a number');
  }
}

function pathMatches(pattern: string, paths: string[]): boolean {
  if (paths.some(path => path.includes(pattern))) return true;
  try {
    const regex = new RegExp(pattern);
    return paths.some(path => regex.test(path));
  } catch {
    return false; // not a valid RegExp source: only the substring test applied
  }
}

/** Faults waiting for matching requests, consumed in the order they were added. */
export class FaultRegistry {
  private readonly faults: ActiveFault[] = [];
  private counter = 0;

  add(fault: GithubFault): string {
    assertFault(fault);
    const id = `fault-${++this.counter}`;
    const times = fault.times ?? 1;
    this.faults.push({ id, fault, remaining: times < 0 ? Infinity : times });
    return id;
  }

  clear(id?: string): void {
    const keep =
      id === undefined ? [] : this.faults.filter(active => active.id !== id);
    this.faults.splice(0, this.faults.length, ...keep);
  }

  /** The first fault matching this request, counted as used once. */
  take(method: string, paths: string[]): GithubFault | undefined {
    const index = this.faults.findIndex(({ fault, remaining }) => {
      if (remaining <= 0) return false;
      if (fault.match?.method && fault.match.method.toUpperCase() !== method)
        return false;
      return !fault.match?.path || pathMatches(fault.match.path, paths);
    });
    if (index === -1) return undefined;
    const active = this.faults[index];
    active.remaining -= 1;
    if (active.remaining <= 0) this.faults.splice(index, 1);
    return active.fault;
  }
}

function errorBody(message: string, documentationUrl = DOCUMENTATION_URL) {
  return { message, documentation_url: documentationUrl };
}

export function statusMessage(status: number): string {
  if (status === 401) return 'Bad credentials';
  if (status === 500 || status === 502) return 'Server Error';
  return STATUS_CODES[status] ?? 'Error';
}

/** The response a fault answers with (for error-after-write: after the real work). */
export function faultResponse(
  fault: GithubFault,
  requestId: string,
): ApiResponse {
  switch (fault.type) {
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: errorBody(
          `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
      };
    case 'primary-rate-limit': {
      const reset = Math.ceil(Date.now() / 1000) + (fault.resetInSeconds ?? 1);
      return {
        status: 403,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core',
        },
        body: errorBody(
          `API rate limit exceeded. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
        ),
      };
    }
    case 'status':
      return {
        status: fault.status,
        body: errorBody(fault.message ?? statusMessage(fault.status)),
      };
    case 'error-after-write':
    default: {
      const status =
        fault.type === 'error-after-write' ? fault.status ?? 502 : 500;
      return { status, body: errorBody(statusMessage(status)) };
    }
  }
}
