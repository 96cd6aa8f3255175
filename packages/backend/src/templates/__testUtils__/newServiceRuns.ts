import { objectsOf, RenderedObject } from './configRepoCheckout';
import { PullRequestSummary, TemplateHarness } from './templateHarness';
import { TaskResult } from './scaffolderClient';

export const NEW_SERVICE_TEMPLATE = 'templates/new-service/template.yaml';
export const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The new-service template's values for `name`: Argo CD, Kustomize, CI image updates, unless `variant` says else. */
export function newServiceValues(
  harness: TemplateHarness,
  name: string,
  variant: Record<string, unknown> = {},
) {
  const host = new URL(harness.github.url).host;
  return {
    name,
    description: `The ${name} service.`,
    owner: 'group:default/checkout',
    engine: 'argocd',
    packaging: 'kustomize',
    canary: false,
    imageAutomation: 'ci',
    initialTag: '0.1.0',
    repoUrl: `${host}?owner=acme&repo=${name}`,
    configRepoUrl: harness.repoUrl,
    ...variant,
  };
}

/**
 * A variant: its name, the service, template values, the workload kind every environment renders, and what
 * validation rendered before the PR opened. The variants are split between test files by delivery engine, as a real
 * run takes a while.
 */
export type NewServiceRun = [
  string,
  string,
  Record<string, unknown>,
  string,
  string,
];

/** What a real run of the template left: the task, the service's repository and its config repo PR, rendered. */
export interface NewServiceOutcome {
  task: TaskResult;
  defaultBranch?: string;
  catalogInfo: string;
  pull?: PullRequestSummary;
  /** The objects each environment's overlay (or chart with the overlay's values) renders, by environment. */
  rendered: Record<string, RenderedObject[]>;
}

/** Runs the template for `name` and collects what the tests check. */
export async function runNewService(
  harness: TemplateHarness,
  name: string,
  variant: Record<string, unknown>,
): Promise<NewServiceOutcome> {
  const task = await harness.run(
    NEW_SERVICE_TEMPLATE,
    newServiceValues(harness, name, variant),
  );
  // A failed task leaves nothing to read; the test's first check shows its error.
  if (task.status !== 'completed') {
    return { task, catalogInfo: '', rendered: {} };
  }
  const repo = await harness.githubApi(`/repos/acme/${name}`);
  const catalogInfo = await harness.githubApi(
    `/repos/acme/${name}/contents/catalog-info.yaml`,
  );
  const pull = (await harness.pullRequests()).find(
    p => p.head.ref === `gitops/create/${name}`,
  );
  const rendered: Record<string, RenderedObject[]> = {};
  if (pull) {
    // Only this service's overlays: the PR adds nothing under another service's folder.
    const { overlays, charts } = await harness.cloneAndBuildOverlays(
      pull.head.ref,
      { services: [name] },
    );
    for (const env of ENVIRONMENTS) {
      const key = `apps/${name}/overlays/${env}`;
      rendered[env] = objectsOf(`${overlays[key] ?? ''}${charts[key] ?? ''}`);
    }
  }
  return {
    task,
    defaultBranch: repo.default_branch,
    catalogInfo: Buffer.from(catalogInfo.content, 'base64').toString('utf8'),
    pull,
    rendered,
  };
}
