import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './__testUtils__/catalogEntities';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import {
  ENVIRONMENTS,
  NEW_SERVICE_TEMPLATE as TEMPLATE,
  NewServiceRun,
  newServiceValues,
  runNewService,
} from './__testUtils__/newServiceRuns';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE_DIR = join(REPO_ROOT, 'templates/new-service');

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
  const values = (name: string, variant: Record<string, unknown> = {}) =>
    newServiceValues(harness, name, variant);

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

  // The Flux variants are in newService.flux.test.ts.
  it.each<NewServiceRun>([
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
  ])(
    'with %s: creates the repository and a PR whose every environment renders',
    async (_name, name, variant, workloadKind, validated) => {
      const created = await runNewService(harness, name, variant);

      expect(created.task.error).toBeUndefined();
      expect(created.task.status).toBe('completed');
      expect(created.defaultBranch).toBe('main');
      expect(created.catalogInfo).toContain(
        `backstage.io/kubernetes-id: ${name}`,
      );
      expect(created.pull).toBeDefined();
      expect(created.pull!.body).toContain(validated);
      for (const env of ENVIRONMENTS) {
        const objects = created.rendered[env];
        expect(objects.map(o => o.kind)).toContain(workloadKind);
        expect(objects.every(o => o.metadata.labels?.env === env)).toBe(true);
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
