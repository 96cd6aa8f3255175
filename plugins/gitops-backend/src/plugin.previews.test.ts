import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { PreviewEnvironment } from '@gitops-portal/plugin-gitops-common';
import { ID, startBackend } from './__testUtils__/backend';
import { application, startClusters } from './__testUtils__/clusters';
import { component, group } from './__testUtils__/fixtures';
import { waitFor } from './__testUtils__/waitFor';

/*
 * Preview environments: the Applications the ApplicationSet pull-request generator makes for `shop` (the entity's
 * label, the PR in annotations) show as its previews; the one Application the controller deletes when its PR
 * closes leaves them through the watch.
 */

const entities = [
  component('shop', 'team-a', { [ID]: 'shop' }),
  group('team-a'),
];

function previewApplication(number: number, health = 'Healthy') {
  const app = application(
    `shop-pr-${number}`,
    { health },
    { [ID]: 'shop', 'gitops-portal.io/environment': `pr-${number}` },
  ) as any;
  app.metadata.annotations = {
    'gitops-portal.io/preview-pr-number': String(number),
    'gitops-portal.io/preview-pr-url': `https://github.com/acme/shop/pull/${number}`,
  };
  app.spec.destination = { namespace: `shop-pr-${number}` };
  return app;
}

describe('gitops backend preview environments', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  const previews = async () => {
    const res = await request(started.server).get(
      '/api/gitops/entities/component/default/shop/previews',
    );
    expect(res.status).toBe(200);
    return res.body.previews as PreviewEnvironment[];
  };

  beforeEach(async () => {
    emulator = await startClusters(['dev']);
    emulator
      .cluster('dev')
      .apply([
        application('shop-dev', {}, { [ID]: 'shop' }),
        previewApplication(7),
        previewApplication(12, 'Progressing'),
      ]);
    started = await startBackend(emulator, { entities });
    await waitFor('both previews', async () => (await previews()).length === 2);
  });

  afterEach(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it("lists the entity's preview Applications, newest PR first, with PR link, namespace, health and sync", async () => {
    expect(await previews()).toEqual([
      expect.objectContaining({
        kind: 'Application',
        name: 'shop-pr-12',
        pullRequestNumber: 12,
        pullRequestUrl: 'https://github.com/acme/shop/pull/12',
        namespace: 'shop-pr-12',
        health: 'Progressing',
        sync: 'Synced',
      }),
      expect.objectContaining({ name: 'shop-pr-7', health: 'Healthy' }),
    ]);
  });

  // A preview is listed as a preview only: no `pr-<n>` environment in the views built from the entity's objects.
  it.each([
    [
      'the status (environment table, overview card)',
      '/api/gitops/entities/component/default/shop/status',
      (body: any) => body.objects.map((o: any) => o.environment ?? o.cluster),
    ],
    [
      "the tab's status",
      '/api/gitops/entities/component/default/shop/tab',
      (body: any) =>
        body.status.objects.map((o: any) => o.environment ?? o.cluster),
    ],
    [
      "the team's row",
      '/api/gitops/teams/default/team-a/status',
      (body: any) => Object.keys(body.rows[0].environments),
    ],
  ])('shows no preview as an environment in %s', async (_view, path, read) => {
    const res = await request(started.server).get(path);
    expect(res.status).toBe(200);
    expect(read(res.body)).toEqual(['dev']);
  });

  it('drops the preview whose Application the controller deletes when its PR closes', async () => {
    emulator
      .cluster('dev')
      .remove('argoproj.io/v1alpha1', 'Application', 'shop-pr-7', 'argocd');

    const left = await waitFor('PR 7 gone', async () => {
      const now = await previews();
      return now.length === 1 ? now : undefined;
    });
    expect(left.map(preview => preview.pullRequestNumber)).toEqual([12]);
  });
});
