import {
  helmTemplate,
  parseManifests,
  renderKustomization,
  ValidationOptions,
  withTempCheckout,
} from '@gitops-portal/plugin-gitops-node';
import { Checkout } from './checkout';
import { DesiredSource, Manifest } from './types';

/**
 * Renders a checkout in a temp directory with the same renderers (and binaries, `gitops.validation.kubectlPath` /
 * `helmPath`) as pull request validation: `kubectl kustomize`, `helm template`, or the plain manifests.
 */
export async function renderDesired(
  checkout: Checkout,
  source: DesiredSource,
  options: Pick<ValidationOptions, 'kubectlPath' | 'helmPath' | 'timeoutMs'>,
): Promise<Manifest[]> {
  if (checkout.renderer === 'directory') {
    return Object.values(checkout.files).flatMap(text => parseManifests(text));
  }
  return withTempCheckout('gitops-live-diff-', checkout.files, async root => {
    const rendered =
      checkout.renderer === 'kustomize'
        ? await renderKustomization({
            kubectlPath: options.kubectlPath,
            root,
            overlay: source.path,
            timeoutMs: options.timeoutMs,
          })
        : await helmTemplate(
            options.helmPath,
            root,
            {
              chart: source.path,
              valuesFiles: checkout.valuesFiles,
              releaseName: source.helm?.releaseName ?? 'release',
              namespace: source.defaultNamespace ?? 'default',
            },
            options.timeoutMs,
          );
    return parseManifests(rendered);
  });
}
