import { InputError } from '@backstage/errors';
import { describeWithEstate } from '@internal/estate-fixtures';
import {
  cases,
  ESTATE,
  estateCases,
  usePromotionRepo,
} from './__testUtils__/promotionEmulatorCases';

describe('promotionChange through the GitHub emulator: chart and source versions', () => {
  const promote = usePromotionRepo();

  it.each(cases.filter(c => c.family === 'chart'))(
    'opens a PR promoting $form',
    async ({ repo, options, path, expected }) => {
      const { changedFiles, onBranch } = await promote(repo, options);

      expect(changedFiles).toEqual([path]);
      expect(await onBranch(path)).toBe(expected);
    },
  );

  it('names the service, the environments and the layouts tried when no layout has the service', async () => {
    const attempt = promote(
      { 'README.md': '# config\n' },
      { from: 'staging', to: 'prod' },
    );

    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(
      /Cannot tell which files of web to edit in staging and prod: live objects in staging: none found; .*layouts tried: apps\/\{service\}\/overlays\/\{env\}\/, .*clusters\/\{env\}\/apps\//,
    );
  });

  it('names the files it read when they pin no version', async () => {
    const namespace =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n';
    const attempt = promote(
      {
        'clusters/staging/web.yaml': namespace,
        'clusters/prod/web.yaml': namespace,
      },
      { from: 'staging', to: 'prod' },
    );

    await expect(attempt).rejects.toThrow(
      /\(files clusters\/staging\/web.yaml\)/,
    );
  });
});

describeWithEstate(
  ESTATE,
  'promotionChange through the GitHub emulator: the flux2-kustomize-helm-example estate',
  () => {
    const promote = usePromotionRepo();

    it.each(estateCases())(
      'opens a PR promoting $form',
      async ({ repo, options, path, expected }) => {
        const { changedFiles, onBranch } = await promote(repo, options);

        expect(changedFiles).toEqual([path]);
        expect(await onBranch(path)).toBe(expected);
      },
    );
  },
);
