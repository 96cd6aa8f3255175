import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsDecommissionAction } from './decommission';
import { examples } from './decommission.examples';

describe('gitops:decommission examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: the branch has no trace of the service but the team project',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsDecommissionAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const dir = await github.clone(repo, outputs.branch as string);
      const left = (await readdir(dir, { recursive: true })).filter(
        p => !p.startsWith('.git'),
      );
      expect(left.filter(p => p.includes('web'))).toEqual([]);
      expect(left).toContain(
        join('clusters', 'prod', 'argocd', 'projects', 'payments.yaml'),
      );
    },
  );
});
