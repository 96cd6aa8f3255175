import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  exampleInputs,
  KUBECTL,
  run,
  useConfigRepo,
} from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';
import { examples } from './serviceCreate.examples';

const HELM = join(__dirname, '../../../../.tools/kubectl/helm/helm');

/**
 * What an environment deploys, rendered in a clone of the PR branch the way
 * Argo CD or Flux would: `kubectl kustomize` of the overlay when it has a
 * kustomization, and `helm template` of a chart in the config repo with the
 * environment's values file.
 */
async function renderEnvironment(dir: string, service: string, env: string) {
  const overlay = `apps/${service}/overlays/${env}`;
  const chart = `apps/${service}/chart`;
  let text = '';
  if (existsSync(join(dir, overlay, 'kustomization.yaml'))) {
    text += await run(KUBECTL, ['kustomize', overlay], dir);
  }
  if (existsSync(join(dir, chart, 'Chart.yaml'))) {
    text += await run(
      HELM,
      ['template', service, chart, '--values', `${overlay}/values.yaml`],
      dir,
    );
  }
  return text;
}

describe('gitops:service:create examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a PR whose environments render',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const action = createGitopsServiceCreateAction(github.deps());
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await action.handler(ctx);

      expect(outputs.status).toBe('opened');
      const dir = await github.clone(repo, outputs.branch as string);
      const environments = exampleInput.environments as Array<{ name: string }>;
      for (const { name: env } of environments) {
        const rendered = await renderEnvironment(dir, exampleInput.name, env);
        // A workload, or (remote chart) the HelmRelease Flux installs it with.
        expect(rendered).toMatch(/kind: (Deployment|Rollout|HelmRelease)\n/);
        // Helm quotes the label (`env: "dev"`), kustomize does not.
        expect(rendered).toMatch(new RegExp(`env: "?${env}"?\n`));
      }
    },
  );
});
