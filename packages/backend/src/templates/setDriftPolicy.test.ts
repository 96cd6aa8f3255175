import { parseAllDocuments } from 'yaml';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/set-drift-policy/template.yaml';
// The sandbox delivers payments-ledger with Argo CD: automated sync, self-heal and prune on in every environment.
const PROD_APPLICATION = 'clusters/prod/argocd/payments-ledger.yaml';

describe('templates/set-drift-policy', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (policy: Record<string, string>) => ({
    service: 'component:default/payments-ledger',
    environment: 'prod',
    selfHeal: 'keep',
    prune: 'keep',
    replicas: 'keep',
    repoUrl: harness.repoUrl,
    ...policy,
  });

  async function applicationOn(ref: string) {
    const file = await harness.githubApi(
      `/repos/acme/gitops-config/contents/${PROD_APPLICATION}?ref=${ref}`,
    );
    const text = Buffer.from(file.content, 'base64').toString('utf8');
    return parseAllDocuments(text).map(doc => doc.toJSON())[0];
  }

  it('dry-runs the change without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(TEMPLATE, values({ selfHeal: 'off' }));

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(`dry run: would write ${PROD_APPLICATION}`),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it('opens a PR that changes only the settings the form names', async () => {
    const task = await harness.run(
      TEMPLATE,
      values({ selfHeal: 'off', replicas: 'ignore' }),
    );

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const application = await applicationOn(pull.head.ref);
    expect(application.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: false,
    });
    expect(application.spec.ignoreDifferences).toEqual([
      { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
    ]);
  });

  it.each([
    ['every setting kept', {}, /must name at least one setting/],
    [
      // the form offers every engine's settings; payments-ledger is delivered by Argo CD
      'a Flux interval for an Argo CD service',
      { interval: '10m' },
      /interval is not a setting of Argo CD/,
    ],
  ])('refuses %s and opens no PR', async (_case, policy, message) => {
    const before = await configRepoState(harness);

    const task = await harness.run(TEMPLATE, values(policy));

    expect(task.status).toBe('failed');
    expect(task.error).toMatch(message);
    expect(await configRepoState(harness)).toEqual(before);
  });
});
