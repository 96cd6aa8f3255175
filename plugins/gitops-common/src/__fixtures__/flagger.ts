import { k8s } from './objects';

/** Flagger's Promoted condition, as its controller writes it. */
export function promoted(status: string, reason: string, message: string) {
  return {
    type: 'Promoted',
    status,
    reason,
    message,
    lastUpdateTime: '2025-03-01T10:05:00Z',
    lastTransitionTime: '2025-03-01T10:05:00Z',
  };
}

/**
 * A Flagger Canary for `web`; given status fields merge over an idle one
 * (weight 0, no conditions). `undefined` status leaves it out.
 */
export function canary(
  status: Record<string, unknown> | undefined,
  metadata: Record<string, unknown> = {},
  spec: Record<string, unknown> = {},
) {
  return k8s('flagger.app/v1beta1', 'Canary', {
    metadata: { generation: 1, ...metadata },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      analysis: { interval: '1m', threshold: 5, maxWeight: 50, stepWeight: 10 },
      ...spec,
    },
    ...(status === undefined
      ? {}
      : {
          status: {
            canaryWeight: 0,
            failedChecks: 0,
            iterations: 0,
            conditions: [],
            ...status,
          },
        }),
  });
}
