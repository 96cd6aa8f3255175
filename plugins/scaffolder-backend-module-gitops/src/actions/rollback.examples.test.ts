import { breakProd } from '../__testUtils__/commits';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsRollbackAction } from './rollback';
import { examples } from './rollback.examples';

describe('gitops:rollback examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: the overlay renders with the earlier image',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      await breakProd(github.octokit(), repo);
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsRollbackAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        outputs.changedFiles as string[],
      );
      const expected = `image: ghcr.io/acme/web:${
        exampleInput.toImageTag ?? '1.3.1'
      }`;
      expect(rendered['apps/web/overlays/prod']).toContain(expected);
    },
  );
});
