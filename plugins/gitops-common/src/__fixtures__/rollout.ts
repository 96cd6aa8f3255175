import { k8s } from './objects';

const canary = { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } };

export const BLUE_GREEN = {
  blueGreen: { activeService: 'web', previewService: 'web-preview' },
};

/**
 * A Rollout at generation 2 with a canary strategy; given status fields merge
 * over a settled, legacy (phase-less) status. `undefined` status leaves it out.
 */
export function rollout(
  status: Record<string, unknown> | undefined,
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
) {
  return k8s('argoproj.io/v1alpha1', 'Rollout', {
    metadata: { generation: 2, ...metadata },
    spec: { replicas: 3, strategy: canary, ...spec },
    ...(status === undefined
      ? {}
      : {
          status: {
            observedGeneration: '2',
            conditions: [],
            currentPodHash: 'abc123',
            stableRS: 'abc123',
            replicas: 3,
            updatedReplicas: 3,
            availableReplicas: 3,
            ...status,
          },
        }),
  });
}
