import { readdir } from 'node:fs/promises';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/decommission-service/template.yaml';

describe('templates/decommission-service', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (service: string, confirm = true) => ({
    service: `component:default/${service}`,
    confirm,
    repoUrl: harness.repoUrl,
  });

  it('dry-runs the deletion without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(TEMPLATE, values('cart-service'));

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dry run: would delete apps/cart-service'),
        expect.stringContaining(
          'dry run: would delete clusters/prod/argocd/cart-service.yaml',
        ),
      ]),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it('opens a pull request that leaves no file of the service and every other overlay building', async () => {
    const task = await harness.run(TEMPLATE, values('fraud-scorer'));

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const { dir, overlays } = await harness.cloneAndBuildOverlays(
      pull.head.ref,
    );
    const files = (await readdir(dir, { recursive: true })).filter(
      path => !path.startsWith('.git'),
    );
    expect(files.filter(path => path.includes('fraud-scorer'))).toEqual([]);
    expect(Object.keys(overlays)).toContain('apps/payments-api/overlays/prod');
  });

  it.each([
    [
      'a service the config repo does not have',
      'ghost',
      true,
      'failed',
      /The config repo has no service ghost/,
    ],
    [
      'an unconfirmed request',
      'cart-service',
      false,
      'rejected',
      /instance.confirm does not exactly match expected constant/,
    ],
  ])(
    'refuses %s and opens no PR',
    async (_case, service, confirm, status, message) => {
      const before = await configRepoState(harness);

      const task = await harness.run(TEMPLATE, values(service, confirm));

      expect(task.status).toBe(status);
      expect(task.error).toMatch(message);
      expect(await configRepoState(harness)).toEqual(before);
    },
  );
});
