import { configRepoState } from './__testUtils__/configRepoState';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/adopt-workload/template.yaml';

/*
 * The sandbox's dev cluster runs legacy-billing by hand, unmanaged (packages/sandbox/src/demo/unmanagedWorkload.ts):
 * a Deployment, Service and ConfigMap with the API server's defaults and metadata, a Secret to be refused.
 */
describe('templates/adopt-workload', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (extra: Record<string, string> = {}) => ({
    cluster: 'dev',
    namespace: 'legacy-billing',
    scope: 'namespace',
    service: 'legacy-billing',
    team: 'group:default/data',
    environment: 'dev',
    engine: 'argocd',
    repoUrl: harness.repoUrl,
    ...extra,
  });

  it('opens a PR whose overlay renders the clean objects with team and env labels, and the Application', async () => {
    const task = await harness.run(TEMPLATE, values());

    expect(task.error).toBeUndefined();
    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    expect(pull.body).toContain('Secret `legacy-billing-db`');
    const { overlays } = await harness.cloneAndBuildOverlays(pull.head.ref, {
      services: ['legacy-billing'],
    });
    const objects = objectsOf(overlays['apps/legacy-billing/overlays/dev']);
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/legacy-billing-settings',
      'Deployment/legacy-billing',
      'Service/legacy-billing',
    ]);
    const deployment = objects.find(o => o.kind === 'Deployment')!;
    expect(deployment.metadata.labels).toEqual({
      app: 'legacy-billing',
      team: 'data',
      env: 'dev',
    });
    expect(Object.keys(deployment.spec as object).sort()).toEqual([
      'replicas',
      'selector',
      'template',
    ]);
    expect(task.output.text).toContainEqual(
      expect.objectContaining({
        content: expect.stringContaining(
          'clusters/dev/argocd/legacy-billing.yaml',
        ),
      }),
    );
  });

  it('refuses a workload the namespace does not have and opens no PR', async () => {
    const before = await configRepoState(harness);

    const task = await harness.run(
      TEMPLATE,
      values({
        scope: 'workload',
        workloadKind: 'StatefulSet',
        workloadName: 'legacy-billing',
      }),
    );

    expect(task.status).toBe('failed');
    expect(task.error).toMatch(
      /StatefulSet legacy-billing\/legacy-billing is not in cluster dev/,
    );
    expect(await configRepoState(harness)).toEqual(before);
  });
});
