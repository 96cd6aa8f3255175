import { webService } from '../__testUtils__/fixtures';
import { ConfigRepoTreeEntry } from '../configRepo/types';
import { generateServiceManifests } from '../manifests/generateServiceManifests';
import { planValidation } from './planValidation';

/** The base branch holding a Helm-packaged `web` (dev, staging, prod); blob shas are the paths. */
function helmBase() {
  const files = generateServiceManifests(webService({ packaging: 'helm' }));
  const entries = new Map<string, ConfigRepoTreeEntry>(
    Object.keys(files).map(path => [
      path,
      { path, mode: '100644', type: 'blob', sha: path },
    ]),
  );
  return {
    files,
    base: { branch: 'main', commitSha: 'c', treeSha: 't', entries },
    readBlob: async (sha: string) => files[sha],
  };
}

describe('planValidation of a Helm-packaged service', () => {
  it.each([
    [
      "one environment's values",
      'apps/web/overlays/staging/values.yaml',
      ['apps/web/overlays/staging/values.yaml'],
    ],
    [
      'a chart template',
      'apps/web/chart/templates/service.yaml',
      [
        'apps/web/overlays/dev/values.yaml',
        'apps/web/overlays/prod/values.yaml',
        'apps/web/overlays/staging/values.yaml',
      ],
    ],
    ['a file outside apps/', 'clusters/dev/argocd/web.yaml', []],
  ])(
    'renders the releases that a change of %s affects',
    async (_name, changed, expected) => {
      const { files, base, readBlob } = helmBase();

      const plan = await planValidation(
        { [changed]: `${files[changed]}# edited\n` },
        base,
        readBlob,
      );

      expect(plan.helmReleases!.flatMap(r => r.valuesFiles)).toEqual(expected);
      expect(plan.touchedOverlays).toEqual([]);
    },
  );

  it('materialises the chart the releases need from the base branch', async () => {
    const { files, base, readBlob } = helmBase();
    const path = 'apps/web/overlays/dev/values.yaml';

    const plan = await planValidation(
      { [path]: `${files[path]}# edited\n` },
      base,
      readBlob,
    );

    expect(plan.checkoutFiles['apps/web/chart/Chart.yaml']).toBe(
      files['apps/web/chart/Chart.yaml'],
    );
  });
});
