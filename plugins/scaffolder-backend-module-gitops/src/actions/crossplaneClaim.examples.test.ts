import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
import { examples } from './crossplaneClaim.examples';

describe('gitops:crossplane:claim examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: every overlay renders the claim',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsCrossplaneClaimAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        outputs.changedFiles as string[],
      );
      expect(Object.keys(rendered).sort()).toEqual(
        ['dev', 'prod', 'staging'].map(env => `apps/web/overlays/${env}`),
      );
      for (const manifests of Object.values(rendered)) {
        expect(manifests).toContain('kind: PostgreSQLInstance');
        expect(manifests).toContain(`name: ${exampleInput.name}`);
      }
    },
  );
});
