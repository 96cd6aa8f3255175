import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';
import { examples } from './serviceCreate.examples';

jest.setTimeout(60_000);

describe('gitops:service:create examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a PR whose overlays render',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const action = createGitopsServiceCreateAction(github.deps());
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await action.handler(ctx);

      expect(outputs.status).toBe('opened');
      const files = outputs.changedFiles as string[];
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        files,
      );
      const environments = exampleInput.environments as Array<{ name: string }>;
      expect(Object.keys(rendered).sort()).toEqual(
        environments
          .map(e => `apps/${exampleInput.name}/overlays/${e.name}`)
          .sort(),
      );
      for (const manifests of Object.values(rendered)) {
        expect(manifests).toContain('kind: Deployment');
      }
    },
  );
});
