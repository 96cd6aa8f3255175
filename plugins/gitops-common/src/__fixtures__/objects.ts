/**
 * Builders for the inline test objects. Every fixture in the tests is written
 * here by hand; none is copied from Argo CD's test data.
 */

export interface RawConditionInput {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** A condition; reason and message only when given. */
export function cond(
  type: string,
  status: string,
  reason?: string,
  message?: string,
): RawConditionInput {
  return {
    type,
    status,
    ...(reason !== undefined ? { reason } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

export interface ObjectParts {
  metadata?: Record<string, unknown>;
  spec?: unknown;
  status?: unknown;
}

/** A Kubernetes object; `spec`/`status` are left out when not given. */
export function k8s(
  apiVersion: string,
  kind: string,
  parts: ObjectParts = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = {
    apiVersion,
    kind,
    metadata: { name: 'sample', namespace: 'team-a', ...parts.metadata },
  };
  if ('spec' in parts) result.spec = parts.spec;
  if ('status' in parts) result.status = parts.status;
  return result;
}

export const DELETING = {
  deletionTimestamp: '2025-03-01T10:00:00Z',
  finalizers: ['finalizers.fluxcd.io', 'example.org/cleanup'],
};

export const DELETING_NO_FINALIZERS = {
  deletionTimestamp: '2025-03-01T10:00:00Z',
};

export const BLOCKED_MESSAGE =
  'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup';
