import {
  cases,
  usePromotionRepo,
} from './__testUtils__/promotionEmulatorCases';

describe('promotionChange through the GitHub emulator: image tags and digests', () => {
  const promote = usePromotionRepo();

  it.each(cases.filter(c => c.family === 'image'))(
    'opens a PR promoting $form',
    async ({ repo, options, path, expected }) => {
      const { changedFiles, onBranch } = await promote(repo, options);

      expect(changedFiles).toEqual([path]);
      expect(await onBranch(path)).toBe(expected);
    },
  );
});
