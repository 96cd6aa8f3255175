import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/promote-service/template.yaml';
// The sandbox runs 1.4.0 in dev, 1.3.2 in staging and 1.3.1 in prod.
const TAGS: Record<string, string> = {
  dev: '1.4.0',
  staging: '1.3.2',
  prod: '1.3.1',
};

const imagesOf = (rendered: string) =>
  objectsOf(rendered)
    .filter(obj => obj.kind === 'Deployment')
    .flatMap(obj =>
      obj.spec!.template.spec.containers.map((c: { image: string }) => c.image),
    );

describe('templates/promote-service', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (service: string, from: string, to: string) => ({
    service: `component:default/${service}`,
    from,
    to,
    repoUrl: harness.repoUrl,
  });

  it('dry-runs the promotion without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(
      TEMPLATE,
      values('payments-api', 'dev', 'staging'),
    );

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(
        'dry run: would write apps/payments-api/overlays/staging/kustomization.yaml',
      ),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it('opens a pull request whose target overlay renders the source image', async () => {
    const task = await harness.run(
      TEMPLATE,
      values('fraud-scorer', 'staging', 'prod'),
    );

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const { overlays } = await harness.cloneAndBuildOverlays(pull.head.ref);
    expect(
      ['dev', 'staging', 'prod'].map(env =>
        imagesOf(overlays[`apps/fraud-scorer/overlays/${env}`]),
      ),
    ).toEqual([
      [`ghcr.io/acme/fraud-scorer:${TAGS.dev}`],
      [`ghcr.io/acme/fraud-scorer:${TAGS.staging}`],
      [`ghcr.io/acme/fraud-scorer:${TAGS.staging}`],
    ]);
  });

  it.each([
    [
      'a promotion to the same environment',
      ['staging', 'staging'],
      'failed',
      /from staging to itself/,
    ],
    [
      // The form offers the backend's environments only (GitopsEnvironmentPicker); a task run with another fails.
      'an environment the config repo does not have',
      ['dev', 'qa'],
      'failed',
      /Cannot tell which files of payments-api to edit in qa: .*layouts tried: apps\/\{service\}\/overlays\/\{env\}\//,
    ],
  ])(
    'refuses %s and opens no PR',
    async (_case, [from, to], status, message) => {
      const before = await configRepoState(harness);

      const task = await harness.run(
        TEMPLATE,
        values('payments-api', from, to),
      );

      expect(task.status).toBe(status);
      expect(task.error).toMatch(message);
      expect(await configRepoState(harness)).toEqual(before);
    },
  );
});
