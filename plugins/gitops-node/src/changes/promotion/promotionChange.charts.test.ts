import { InputError } from '@backstage/errors';
import {
  cases,
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

  it('names the folders it looked under when no layout has the service', async () => {
    const attempt = promote(
      { 'README.md': '# config\n' },
      { from: 'staging', to: 'prod' },
    );

    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(
      /No version of web to promote from staging to prod on main: looked under apps\/web\/overlays\/staging\/, .*clusters\/staging\//,
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
