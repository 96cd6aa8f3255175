import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/onboard-team/template.yaml';

describe('templates/onboard-team', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (team: string, extra: Record<string, unknown> = {}) => ({
    team: `group:default/${team}`,
    environments: ['dev', 'prod'],
    repoUrl: harness.repoUrl,
    ...extra,
  });

  it('dry-runs the onboarding without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(TEMPLATE, values('checkout'));

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(
        'dry run: would write clusters/dev/argocd/projects/checkout.yaml',
      ),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it("opens a pull request with the team's namespace, RoleBinding and AppProject in each chosen environment", async () => {
    const task = await harness.run(TEMPLATE, values('search'));

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const { dir } = await harness.cloneAndBuildOverlays(pull.head.ref);
    const objects = async (path: string) =>
      objectsOf(await readFile(join(dir, path), 'utf8')).map(
        obj =>
          `${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`,
      );
    for (const env of ['dev', 'prod']) {
      expect(await objects(`clusters/${env}/namespaces/search.yaml`)).toEqual([
        'Namespace /search',
        'RoleBinding search/search-edit',
      ]);
      expect(
        await objects(`clusters/${env}/argocd/projects/search.yaml`),
      ).toEqual(['AppProject argocd/search']);
    }
    await expect(
      readFile(join(dir, 'clusters/staging/namespaces/search.yaml')),
    ).rejects.toThrow(/ENOENT/);
  });

  it.each([
    [
      'a namespace a service uses',
      'data',
      { namespace: 'payments-api' },
      'failed',
      /belongs to the service apps\/payments-api/,
    ],
    [
      'a team name that is not DNS-1123',
      'Data',
      {},
      'failed',
      /must be a DNS-1123 label/,
    ],
    [
      'no environment',
      'data',
      { environments: [] },
      'rejected',
      /instance.environments does not meet minimum length of 1/,
    ],
  ])(
    'refuses %s and opens no PR',
    async (_case, team, extra, status, message) => {
      const before = await configRepoState(harness);

      const task = await harness.run(TEMPLATE, values(team, extra));

      expect(task.status).toBe(status);
      expect(task.error).toMatch(message);
      expect(await configRepoState(harness)).toEqual(before);
    },
  );
});
