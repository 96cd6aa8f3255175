import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGitopsServiceCreateAction } from '../actions/serviceCreate';
import { examples } from '../actions/serviceCreate.examples';
import { seedAppOfApps } from './appOfApps';
import { exampleInputs, HELM, KUBECTL, run, useConfigRepo } from './harness';

/**
 * The service create examples packaged as `packaging` says (kustomize is the
 * default), as `it.each` rows; the two packagings together are every example.
 */
export function serviceCreateExamples(packaging: 'kustomize' | 'helm') {
  return exampleInputs(examples).filter(
    ([, input]) => (input.packaging ?? 'kustomize') === packaging,
  );
}

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

/**
 * Runs an example's input against a new repo; answers the outcome and what
 * each of the input's environments renders in a clone of the PR branch.
 */
export async function runServiceCreateExample(
  github: ReturnType<typeof useConfigRepo>,
  exampleInput: Record<string, any>,
) {
  const { repo, repoUrl } = await github.newRepo();
  const { registration } = exampleInput;
  if (registration?.mode === 'appOfApps') {
    await seedAppOfApps(github, repo, registration.target);
  }
  const action = createGitopsServiceCreateAction(github.deps());
  const { ctx, outputs } = await github.context({ ...exampleInput, repoUrl });

  await action.handler(ctx);

  const dir = await github.clone(repo, outputs.branch as string);
  const environments = exampleInput.environments as Array<{ name: string }>;
  const rendered: Array<[string, string]> = [];
  for (const { name: env } of environments) {
    rendered.push([env, await renderEnvironment(dir, exampleInput.name, env)]);
  }
  return { status: outputs.status, rendered };
}
