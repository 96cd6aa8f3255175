import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPreviewEnableAction } from './previewEnable';
import { examples } from './previewEnable.examples';

describe('gitops:preview:enable examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a PR adding only the ApplicationSet of the environment',
    async (_description, exampleInput) => {
      const { repoUrl } = await github.newRepo();
      const host = new URL(github.emulator.url).host;
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
        // The example's github.com is not the emulator's host.
        serviceRepoUrl: `${host}?owner=acme&repo=web`,
      });

      await createGitopsPreviewEnableAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      expect(outputs.changedFiles).toEqual([
        `clusters/${exampleInput.environment}/argocd/web-previews.yaml`,
      ]);
    },
  );
});
