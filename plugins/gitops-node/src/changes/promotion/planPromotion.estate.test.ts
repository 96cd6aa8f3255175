import { describeWithEstate, estateFile } from '@internal/estate-fixtures';
import { Files, promote, side } from './__testUtils__/promoteFiles';

const ESTATE = 'flux2-kustomize-helm-example';
const fluxHelm = (path: string) => estateFile(ESTATE, path);
const FLUX_STAGING = 'apps/staging/podinfo-values.yaml';
const FLUX_PRODUCTION = 'apps/production/podinfo-values.yaml';
const CERT_MANAGER = 'infrastructure/controllers/cert-manager.yaml';

describeWithEstate(
  ESTATE,
  'planPromotion on the flux2-kustomize-helm-example estate',
  () => {
    // Each case: the two environments' files and what `to`'s files become.
    it.each<{ form: string; from: Files; to: Files; expected: Files }>([
      {
        form: 'Flux HelmRelease spec.chart.spec.version (flux2-kustomize-helm-example)',
        from: { [FLUX_STAGING]: fluxHelm(FLUX_STAGING) },
        to: { [FLUX_PRODUCTION]: fluxHelm(FLUX_PRODUCTION) },
        expected: {
          [FLUX_PRODUCTION]: fluxHelm(FLUX_PRODUCTION).replace(
            'version: ">=1.0.0"',
            'version: ">=1.0.0-alpha"',
          ),
        },
      },
      {
        form: 'HelmRelease spec.values image (repository + tag) (flux2-kustomize-helm-example base release)',
        from: {
          'dev/release.yaml': fluxHelm(
            'apps/base/podinfo/release.yaml',
          ).replace('tag: 8.6.2', 'tag: 8.8.0'),
        },
        to: { 'prod/release.yaml': fluxHelm('apps/base/podinfo/release.yaml') },
        expected: {
          'prod/release.yaml': fluxHelm(
            'apps/base/podinfo/release.yaml',
          ).replace('tag: 8.6.2', 'tag: 8.8.0'),
        },
      },
      {
        form: 'an OCIRepository spec.ref in a multi-document file (flux2-kustomize-helm-example cert-manager)',
        from: {
          [`dev/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER).replace(
            'semver: "1.x"',
            'semver: "1.19.x"',
          ),
        },
        to: { [`prod/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER) },
        expected: {
          [`prod/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER).replace(
            'semver: "1.x"',
            'semver: "1.19.x"',
          ),
        },
      },
    ])('promotes $form', ({ from, to, expected }) => {
      expect(
        promote(side('dev', undefined, from), side('prod', undefined, to)),
      ).toEqual(expected);
    });

    it('pairs files by their place under each environment folder', () => {
      const files = promote(
        side('staging', 'apps/staging/', {
          [FLUX_STAGING]: fluxHelm(FLUX_STAGING),
        }),
        side('production', 'apps/production/', {
          [FLUX_PRODUCTION]:
            'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n',
        }),
      );
      expect(files[FLUX_PRODUCTION]).toContain('version: ">=1.0.0-alpha"');
    });
  },
);
