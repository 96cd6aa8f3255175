import { useAdoptionBackend } from '../__testUtils__/adoptionBackend';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsWorkloadAdoptAction } from './workloadAdopt';
import { examples } from './workloadAdopt.examples';

describe('gitops:workload:adopt examples', () => {
  const github = useConfigRepo();
  const backend = useAdoptionBackend();

  it.each(exampleInputs(examples))(
    '%s: opens a PR with the manifests and their manager',
    async (_description, exampleInput) => {
      const { repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsWorkloadAdoptAction({
        ...github.deps(),
        ...backend.deps(),
      }).handler(ctx);

      expect(outputs.status).toBe('opened');
      expect(outputs.changedFiles).toContainEqual(
        expect.stringMatching(/deployment-legacy\.yaml$/),
      );
    },
  );
});
