import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPromoteAction } from './promote';
import { examples } from './promote.examples';

// The seeded `web` runs 1.4.0 in dev, 1.3.2 in staging, 1.3.1 in prod.
const TAGS: Record<string, string> = { dev: '1.4.0', staging: '1.3.2' };

describe('gitops:promote examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: the target overlay renders with the source tag',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsPromoteAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        outputs.changedFiles as string[],
      );
      const overlay = `apps/web/overlays/${exampleInput.to}`;
      expect(Object.keys(rendered)).toEqual([overlay]);
      expect(rendered[overlay]).toContain(
        `image: ghcr.io/acme/web:${TAGS[exampleInput.from as string]}`,
      );
    },
  );
});
