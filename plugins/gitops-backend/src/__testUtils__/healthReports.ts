import { application } from './clusters';

/*
 * The two sides of Application-reported health: an Argo CD Application whose `status.resources[]` reports a health
 * per object it deploys, and a Flux Kustomization whose own rule says Healthy when no Application reports it.
 */

/** A Flux Kustomization kustomize-controller reports as applied: its own rule says Healthy. */
export function readyKustomization(name: string, namespace: string) {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace, generation: 1 },
    spec: { interval: '5m', path: `./${name}`, prune: true },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: 'Applied revision: main@sha1:abc',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
    },
  };
}

/** `app` deploying to `destination` and reporting `resources` (the shape of `status.resources[]`). */
export function reportingApplication(
  app: ReturnType<typeof application>,
  destination: Record<string, string>,
  resources: object[],
) {
  return {
    ...app,
    spec: { ...app.spec, destination },
    status: { ...app.status, resources },
  };
}
