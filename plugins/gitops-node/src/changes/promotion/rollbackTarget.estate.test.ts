import { describeWithEstate, estateFile } from '@internal/estate-fixtures';
import { useGithub } from '../../__testUtils__/harness';
import { rollbackTargetPath } from '../../__testUtils__/rollbackTargets';
import { createConfigRepoReader } from '../../configRepo/createConfigRepoReader';
import { revertLastChange } from '../revertLastChange';
import { rollbackTarget } from './rollbackTarget';

const ESTATE = 'flux2-kustomize-helm-example';
const fluxHelm = (path: string) => estateFile(ESTATE, path);
const PRODUCTION_VALUES = 'apps/production/podinfo-values.yaml';
const fluxApps = () =>
  Object.fromEntries(
    [
      'apps/staging/kustomization.yaml',
      'apps/staging/podinfo-values.yaml',
      'apps/production/kustomization.yaml',
      PRODUCTION_VALUES,
    ].map(path => [path, fluxHelm(path)]),
  );

describeWithEstate(
  ESTATE,
  'rollbackTarget on the flux2-kustomize-helm-example estate',
  () => {
    const github = useGithub();

    it.each([
      {
        layout:
          "the service's file in Flux's shared apps/<env>/ folder (flux2-kustomize-helm-example)",
        repo: fluxApps(),
        at: { service: 'podinfo', environment: 'production' },
        target: PRODUCTION_VALUES,
      },
      {
        layout: 'the one values file a live object names',
        repo: fluxApps(),
        at: {
          service: 'podinfo',
          environment: 'production',
          live: {
            locations: [
              {
                path: PRODUCTION_VALUES,
                origin:
                  'HelmRelease flux-system/podinfo spec.chart.spec.valuesFiles',
              },
            ],
            lookedAt: ['HelmRelease flux-system/podinfo'],
          },
        },
        target: PRODUCTION_VALUES,
      },
    ])('finds $layout', async ({ repo, at, target }) => {
      expect(await rollbackTargetPath(github, repo, at)).toBe(target);
    });

    it("reverts the last change of one environment's file in a shared folder", async () => {
      const id = await github.newRepo(fluxApps());
      const { octokit } = await github.client();
      const original = fluxHelm(PRODUCTION_VALUES);
      const { data } = await octokit.repos.getContent({
        ...id,
        path: PRODUCTION_VALUES,
      });
      await octokit.repos.createOrUpdateFileContents({
        ...id,
        path: PRODUCTION_VALUES,
        message: 'Promote podinfo staging → production',
        sha: (data as { sha: string }).sha,
        content: Buffer.from(
          original.replace('">=1.0.0"', '">=1.0.0-alpha"'),
        ).toString('base64'),
      });
      const reader = createConfigRepoReader(octokit, id);

      const revert = await revertLastChange(
        reader,
        'main',
        (
          await rollbackTarget(reader, 'main', {
            service: 'podinfo',
            environment: 'production',
          })
        ).path,
      );

      expect(revert.commitMessage).toBe('Promote podinfo staging → production');
      expect(revert.files).toEqual({ [PRODUCTION_VALUES]: original });
    });
  },
);
