import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './__testUtils__/catalogEntities';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/new-service/template.yaml';
const TEMPLATE_DIR = join(REPO_ROOT, 'templates/new-service');
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The skeleton's files, as a dry run takes the template's directory. */
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

describe('templates/new-service', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const host = () => new URL(harness.github.url).host;
  const values = (name: string, variant: Record<string, unknown> = {}) => ({
    name,
    description: `The ${name} service.`,
    owner: 'group:default/checkout',
    engine: 'argocd',
    packaging: 'kustomize',
    canary: false,
    imageAutomation: 'ci',
    initialTag: '0.1.0',
    repoUrl: `${host()}?owner=acme&repo=${name}`,
    configRepoUrl: harness.repoUrl,
    ...variant,
  });

  it('dry-runs: renders the skeleton and reports the config repo files without writing', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(
      TEMPLATE,
      values('inventory'),
      templateDirectory(),
    );

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(
        'dry run: would write apps/inventory/base/workload.yaml',
      ),
    );
    const entity = parse(result.files['catalog-info.yaml']);
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'inventory',
        annotations: {
          'backstage.io/kubernetes-id': 'inventory',
          'github.com/project-slug': 'acme/inventory',
          'gitops-portal.io/engine': 'argocd',
        },
      },
      spec: { type: 'service', owner: 'group:default/checkout' },
    });
    expect(Object.keys(result.files)).toEqual(
      expect.arrayContaining([
        'Dockerfile',
        'package.json',
        'src/server.js',
        'test/server.test.js',
        '.github/workflows/ci.yaml',
      ]),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  // name, service, template values, the workload kind every environment renders, what validation rendered before the PR opened
  it.each<[string, string, Record<string, unknown>, string, string]>([
    [
      'Argo CD with Kustomize',
      'svc-argo',
      {},
      'Deployment',
      '`apps/svc-argo/overlays/dev`',
    ],
    [
      'Argo CD with Helm and an Argo Rollouts canary with analysis',
      'svc-argo-helm',
      {
        packaging: 'helm',
        canary: true,
        prometheusAddress: 'http://prometheus.monitoring:9090',
      },
      'Rollout',
      '`apps/svc-argo-helm/chart (apps/svc-argo-helm/overlays/dev/values.yaml)`',
    ],
    [
      'Flux with Kustomize, a Flagger canary and Flux image automation',
      'svc-flux',
      { engine: 'flux', canary: true, imageAutomation: 'flux' },
      'Canary',
      '`apps/svc-flux/overlays/prod`',
    ],
    [
      'Flux with Helm and CI commits',
      'svc-flux-helm',
      { engine: 'flux', packaging: 'helm', ciHandoff: 'commit' },
      'Deployment',
      '`apps/svc-flux-helm/chart (apps/svc-flux-helm/overlays/staging/values.yaml)`',
    ],
  ])(
    'with %s: creates the repository and a PR whose every environment renders',
    async (_name, name, variant, workloadKind, validated) => {
      const task = await harness.run(TEMPLATE, values(name, variant));

      expect(task.error).toBeUndefined();
      expect(task.status).toBe('completed');
      const repo = await harness.githubApi(`/repos/acme/${name}`);
      expect(repo.default_branch).toBe('main');
      const catalogInfo = await harness.githubApi(
        `/repos/acme/${name}/contents/catalog-info.yaml`,
      );
      expect(
        Buffer.from(catalogInfo.content, 'base64').toString('utf8'),
      ).toContain(`backstage.io/kubernetes-id: ${name}`);

      const pull = (await harness.pullRequests()).find(
        p => p.head.ref === `gitops/create/${name}`,
      );
      expect(pull).toBeDefined();
      expect(pull!.body).toContain(validated);
      const { overlays, charts } = await harness.cloneAndBuildOverlays(
        pull!.head.ref,
      );
      for (const env of ENVIRONMENTS) {
        const key = `apps/${name}/overlays/${env}`;
        const rendered = `${overlays[key] ?? ''}${charts[key] ?? ''}`;
        const kinds = objectsOf(rendered).map(o => o.kind);
        expect(kinds).toContain(workloadKind);
        expect(
          objectsOf(rendered).every(o => o.metadata.labels?.env === env),
        ).toBe(true);
      }
    },
  );

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'Flux image automation with Argo CD',
      { imageAutomation: 'flux' },
      /imageAutomation/,
    ],
    // The scaffolder would read `1.5` as a number, which no image tag input takes.
    ['a first tag that reads as a number', { initialTag: '1.5' }, /initialTag/],
  ])('refuses %s before any step runs', async (_name, variant, message) => {
    const before = await configRepoState(harness);

    const task = await harness.run(TEMPLATE, values('svc-bad', variant));

    expect(task.status).toBe('rejected');
    expect(task.error).toMatch(message);
    expect(await configRepoState(harness)).toEqual(before);
    await expect(harness.githubApi('/repos/acme/svc-bad')).rejects.toThrow(
      /404/,
    );
  });
});
