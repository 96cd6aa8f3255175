import { stringify } from 'yaml';

/**
 * The files deploying one service (a Deployment retagged per overlay): `<folder><service>/base/` and
 * `<folder><service>/overlays/<env>/` for each environment of `tags`.
 */
export function serviceOverlays(
  service: string,
  tags: Record<string, string>,
  folder = 'apps/',
) {
  const image = `ghcr.io/acme/${service}`;
  const overlay = (tag: string) =>
    stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
      images: [{ name: image, newTag: tag }],
    });
  return {
    [`${folder}${service}/base/kustomization.yaml`]: stringify({
      resources: ['deployment.yaml'],
    }),
    [`${folder}${service}/base/deployment.yaml`]: stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: service },
      spec: {
        template: {
          spec: { containers: [{ name: service, image: `${image}:0.0.0` }] },
        },
      },
    }),
    ...Object.fromEntries(
      Object.entries(tags).map(([environment, tag]) => [
        `${folder}${service}/overlays/${environment}/kustomization.yaml`,
        overlay(tag),
      ]),
    ),
  };
}

/** Files of a config repo deploying `shop` (a Deployment retagged per overlay) to dev and prod. */
export function shopConfigRepo(tags: { dev: string; prod: string }) {
  return { 'README.md': 'config\n', ...serviceOverlays('shop', tags) };
}
