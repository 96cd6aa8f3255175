import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsDriftPolicySetAction } from './driftPolicySet';
import { examples } from './driftPolicySet.examples';

describe('gitops:drift-policy:set examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a PR changing only the environment Application',
    async (_description, exampleInput) => {
      const { repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      expect(outputs.changedFiles).toEqual([
        `clusters/${exampleInput.environment}/argocd/web.yaml`,
      ]);
    },
  );
});
