import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { SETTINGS_CONFIGMAP, writeWorkspace } from '../__testUtils__/workspace';
import { createGitopsPullRequestAction } from './pullRequest';
import { examples } from './pullRequest.examples';

describe('gitops:pull-request examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a PR whose overlays render',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });
      await writeWorkspace(ctx.workspacePath, {
        'config/extra.yaml': SETTINGS_CONFIGMAP,
      });

      await createGitopsPullRequestAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        outputs.changedFiles as string[],
      );
      expect(Object.keys(rendered)).toHaveLength(1);
      expect(Object.values(rendered)[0]).toContain('kind: Deployment');
    },
  );
});
