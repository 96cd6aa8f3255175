import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsTeamOnboardAction } from './teamOnboard';
import { examples } from './teamOnboard.examples';

const kindsIn = async (file: string) =>
  parseAllDocuments(await readFile(file, 'utf8')).map(doc => {
    const { kind, metadata } = doc.toJSON();
    return `${kind}/${metadata.namespace ?? ''}/${metadata.name}`;
  });

describe('gitops:team:onboard examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: every environment gets the namespace, RoleBinding and AppProject',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsTeamOnboardAction(github.deps()).handler(ctx);

      expect(outputs.status).toBe('opened');
      const dir = await github.clone(repo, outputs.branch as string);
      const team = exampleInput.team as string;
      const namespace = (exampleInput.namespace as string) ?? team;
      for (const env of exampleInput.environments as string[]) {
        expect(
          await kindsIn(
            join(dir, `clusters/${env}/namespaces/${namespace}.yaml`),
          ),
        ).toEqual([
          `Namespace//${namespace}`,
          `RoleBinding/${namespace}/${team}-edit`,
        ]);
        expect(
          await kindsIn(
            join(dir, `clusters/${env}/argocd/projects/${team}.yaml`),
          ),
        ).toEqual([`AppProject/argocd/${team}`]);
      }
    },
  );
});
