import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './__testUtils__/catalogEntities';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/new-service/template.yaml';
const TEMPLATE_DIR = join(REPO_ROOT, 'templates/new-service');
const WORKFLOW = '.github/workflows/ci.yaml';

/** The template directory's files (skeleton included), as a dry run takes them. */
function templateDirectory(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(TEMPLATE_DIR, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(join(TEMPLATE_DIR, 'skeleton'));
  return files;
}

type Step = { name?: string; uses?: string; run?: string; with?: any };
type Workflow = {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, { needs?: string; steps: Step[] }>;
};

// Whatever would let CI reach a cluster: the hand-off must be a change to the config repo only.
const CLUSTER_CREDENTIALS =
  /KUBECONFIG|kubectl|kube[-_]?token|kubeconfig|serviceaccount\/token|azure\/k8s-set-context|aws eks update-kubeconfig|gke-gcloud-auth|argocd (login|app)|flux (reconcile|create)/i;

describe('templates/new-service skeleton workflow', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });

  /*
   * Dry-runs the template and returns the rendered skeleton's workflow, parsed. A dry run only reads, so the
   * tests of one variant (its credentials, its hand-off) share its render.
   */
  const renders = new Map<string, ReturnType<typeof render>>();
  function renderedWorkflow(values: Record<string, unknown>) {
    const key = JSON.stringify(values);
    if (!renders.has(key)) renders.set(key, render(values));
    return renders.get(key)!;
  }

  async function render(values: Record<string, unknown>) {
    const result = await harness.dryRun(
      TEMPLATE,
      {
        name: 'inventory',
        owner: 'group:default/checkout',
        engine: 'argocd',
        packaging: 'kustomize',
        canary: false,
        imageAutomation: 'ci',
        initialTag: '0.1.0',
        repoUrl: `${
          new URL(harness.github.url).host
        }?owner=acme&repo=inventory`,
        configRepoUrl: harness.repoUrl,
        ...values,
      },
      templateDirectory(),
    );
    expect(result.error).toBeUndefined();
    const text = result.files[WORKFLOW];
    expect(text).toBeDefined();
    return { text, workflow: parse(text) as Workflow };
  }

  const stepsOf = (workflow: Workflow, job: string) => workflow.jobs[job].steps;

  it.each([
    ['CI hand-off by pull request', { ciHandoff: 'pull-request' }],
    ['CI hand-off by commit', { ciHandoff: 'commit' }],
    ['Helm packaging', { packaging: 'helm' }],
    ['Flux image automation', { engine: 'flux', imageAutomation: 'flux' }],
  ])('with %s references no cluster credentials', async (_name, values) => {
    const { text } = await renderedWorkflow(values);

    expect(text).not.toMatch(CLUSTER_CREDENTIALS);
  });

  it('tests, then builds and pushes an image tagged with the commit SHA on main', async () => {
    const { workflow } = await renderedWorkflow({});

    expect(Object.keys(workflow.jobs)).toEqual(['test', 'image', 'deploy-dev']);
    expect(workflow.jobs.image.needs).toBe('test');
    expect(stepsOf(workflow, 'test').map(s => s.run ?? s.uses)).toContain(
      'npm test',
    );
    const build = stepsOf(workflow, 'image').find(s =>
      s.uses?.startsWith('docker/build-push-action'),
    );
    expect(build?.with.push).toBe(true);
    expect(build?.with.tags.trim().split('\n')).toEqual([
      '${{ env.IMAGE }}:${{ github.sha }}',
    ]);
    expect(workflow.env).toMatchObject({
      IMAGE: 'ghcr.io/acme/inventory',
      CONFIG_REPO: 'acme/gitops-config',
      DEV_OVERLAY: 'apps/inventory/overlays/dev',
    });
  });

  it.each([
    [
      'a pull request bumping the dev overlay with kustomize',
      { ciHandoff: 'pull-request' },
      /kustomize edit set image "\$\{IMAGE\}=\$\{IMAGE\}:\$\{TAG\}"/,
      'peter-evans/create-pull-request',
    ],
    [
      'a commit bumping the dev overlay with kustomize',
      { ciHandoff: 'commit' },
      /kustomize edit set image/,
      'git push',
    ],
    [
      'a pull request bumping the dev Helm values',
      { packaging: 'helm' },
      /yq -i '\.image\.tag = strenv\(TAG\)/,
      'peter-evans/create-pull-request',
    ],
  ])('hands off with %s', async (_name, values, bump, handOff) => {
    const { workflow } = await renderedWorkflow(values);

    const deploy = workflow.jobs['deploy-dev'];
    expect(deploy.needs).toBe('image');
    const [checkout, ...rest] = deploy.steps;
    expect(checkout.with).toMatchObject({
      repository: '${{ env.CONFIG_REPO }}',
      path: 'config',
    });
    expect(rest.map(s => s.run ?? '').join('\n')).toMatch(bump);
    expect(
      rest.map(s => `${s.uses ?? ''} ${s.run ?? ''}`).join('\n'),
    ).toContain(handOff);
  });

  it('with Flux image automation only builds and pushes, with a sortable tag too', async () => {
    const { workflow } = await renderedWorkflow({
      engine: 'flux',
      imageAutomation: 'flux',
    });

    expect(Object.keys(workflow.jobs)).toEqual(['test', 'image']);
    const build = stepsOf(workflow, 'image').find(s =>
      s.uses?.startsWith('docker/build-push-action'),
    );
    expect(build?.with.tags.trim().split('\n')).toEqual([
      '${{ env.IMAGE }}:${{ github.sha }}',
      '${{ env.IMAGE }}:${{ steps.tag.outputs.sorted }}',
    ]);
  });
});
