import { parse, stringify } from 'yaml';

/** The group and version of the demo's claim kinds (packages/sandbox/src/demo/crossplane.ts). */
export const CLAIM_GROUP_VERSION = 'platform.acme.io/v1alpha1';

const overlayOf = (service: string) =>
  `apps/${service}/overlays/dev/kustomization.yaml`;

/**
 * Queue claims as the golden path writes them: `apps/<service>/claims/`, referenced from the dev overlay. Each
 * claim is named `<service>-<suffix>`.
 */
export function claimFiles(
  seeded: Record<string, string>,
  service: string,
  suffixes: string[] = ['cache'],
): Record<string, string> {
  const kustomization = parse(seeded[overlayOf(service)]);
  kustomization.resources.push('../../claims');
  const files: Record<string, string> = {
    [`apps/${service}/claims/kustomization.yaml`]: stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: suffixes.map(suffix => `${service}-${suffix}.yaml`),
    }),
    [overlayOf(service)]: stringify(kustomization),
  };
  for (const suffix of suffixes) {
    files[`apps/${service}/claims/${service}-${suffix}.yaml`] = stringify({
      apiVersion: CLAIM_GROUP_VERSION,
      kind: 'Queue',
      metadata: {
        name: `${service}-${suffix}`,
        labels: { 'backstage.io/kubernetes-id': service },
      },
      spec: { parameters: { fifo: false } },
    });
  }
  return files;
}

/** The commit that drops a service's claims again: the claims folder deleted, the dev overlay as seeded. */
export function droppedClaimFiles(
  seeded: Record<string, string>,
  service: string,
): Record<string, string | null> {
  return {
    [`apps/${service}/claims`]: null,
    [overlayOf(service)]: seeded[overlayOf(service)],
  };
}
