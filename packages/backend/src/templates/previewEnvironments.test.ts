import { parseAllDocuments } from 'yaml';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/preview-environments/template.yaml';
// The sandbox delivers cart-service to dev with an Argo CD Application (clusters/dev/argocd/cart-service.yaml).
const APPLICATION_SET = 'clusters/dev/argocd/cart-service-previews.yaml';

describe('templates/preview-environments', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (extra: Record<string, unknown> = {}) => ({
    service: 'component:default/cart-service',
    environment: 'dev',
    // The service's own repository, on the config repo's host (RepoUrlPicker's format).
    serviceRepoUrl: harness.repoUrl.replace(
      /\?.*$/,
      '?owner=acme&repo=cart-service',
    ),
    repoUrl: harness.repoUrl,
    ...extra,
  });

  it('dry-runs the ApplicationSet without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(TEMPLATE, values());

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(`dry run: would write ${APPLICATION_SET}`),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it("opens a PR with an ApplicationSet whose pull-request generator lists the service repo's labelled PRs", async () => {
    const task = await harness.run(
      TEMPLATE,
      values({ previewLabels: ['preview'] }),
    );

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const file = await harness.githubApi(
      `/repos/acme/gitops-config/contents/${APPLICATION_SET}?ref=${pull.head.ref}`,
    );
    const [appSet] = parseAllDocuments(
      Buffer.from(file.content, 'base64').toString('utf8'),
    ).map(doc => doc.toJSON());
    expect(appSet.kind).toBe('ApplicationSet');
    expect(appSet.spec.generators[0].pullRequest.github).toMatchObject({
      owner: 'acme',
      repo: 'cart-service',
      labels: ['preview'],
    });
  });
});
