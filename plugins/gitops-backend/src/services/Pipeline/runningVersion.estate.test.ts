import { describeWithEstate, estateFile } from '@internal/estate-fixtures';
import { parse } from 'yaml';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { chartsFromObject, versionFromManifests } from './runningVersion';

/** A public estate, read at test time (never copied into the repo). */
const ESTATE = 'flux2-kustomize-helm-example';

describeWithEstate(
  ESTATE,
  'running versions on the flux2-kustomize-helm-example estate',
  () => {
    const estateYaml = (path: string) => parse(estateFile(ESTATE, path));

    it('reads no chart version from the flux2 example base HelmRelease (it pins none)', () => {
      const release = estateYaml('apps/base/podinfo/release.yaml');
      expect(versionFromManifests([release]).charts).toEqual([]);
    });

    it('reads the chart version a Flux HelmRelease of the flux2 example applied', () => {
      const release = estateYaml('apps/base/podinfo/release.yaml');
      const live = {
        ...release,
        status: {
          history: [{ chartName: 'podinfo', chartVersion: '6.9.0' }],
          lastAttemptedRevision: '6.9.0',
          conditions: [
            { type: 'Ready', status: 'True', reason: 'UpgradeSucceeded' },
          ],
        },
      };
      expect(
        chartsFromObject(normalizeObject(live, { cluster: 'staging' })),
      ).toEqual([{ name: 'podinfo', version: '6.9.0' }]);
    });
  },
);
