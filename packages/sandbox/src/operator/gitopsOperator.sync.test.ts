import {
  APPS,
  endsAt,
  KUSTOMIZATIONS,
  OperatorHarness,
  short,
} from '../__testUtils__/operatorHarness';
import { DEMO_ENVIRONMENTS } from '../demo/environments';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterEach(() => h.stopRecorders());

afterAll(() => h?.close());

describe('the simulated GitOps operator syncing a commit', () => {
  it('moves an Argo CD Application whose overlay changed through OutOfSync and Progressing to Synced/Healthy at the merge commit', async () => {
    const overlay = 'apps/payments-api/overlays/staging/kustomization.yaml';
    const app = await h.watch('staging', APPS, 'payments-api-staging');
    const sha = await h.merge(
      {
        [overlay]: h.seeded[overlay].replace('newTag: 1.3.2', 'newTag: 1.4.0'),
      },
      'Promote',
    );
    await endsAt(app, `Synced/Healthy@${short(sha)}`);
    expect(app.states).toEqual([
      `Synced/Healthy@${short(h.seedRevision)}`,
      `OutOfSync/Healthy@${short(sha)}`,
      `Synced/Progressing@${short(sha)}`,
      `Synced/Healthy@${short(sha)}`,
    ]);
  });

  it('moves a Flux Kustomization whose overlay changed to Ready at <branch>@sha1:<merge commit>', async () => {
    const overlay = 'apps/search-api/overlays/dev/kustomization.yaml';
    const kustomization = await h.watch('dev', KUSTOMIZATIONS, 'search-api');
    const sha = await h.merge(
      {
        [overlay]: h.seeded[overlay].replace('newTag: 1.4.0', 'newTag: 1.5.0'),
      },
      'Bump',
    );
    await endsAt(kustomization, `Synced/Healthy@${short(sha)}`);
    expect(kustomization.states).toEqual([
      `Synced/Healthy@${short(h.seedRevision)}`,
      `OutOfSync/Progressing@${short(h.seedRevision)}`,
      `Unknown/Progressing@${short(sha)}`,
      `Synced/Healthy@${short(sha)}`,
    ]);
  });

  describe('a commit to one overlay', () => {
    // what, cluster, kind, name: deliveries the commit to payments-ledger's staging overlay does not touch
    const UNTOUCHED: Array<
      [string, string, 'Application' | 'Kustomization', string]
    > = [
      [
        'another environment of the same service',
        'dev',
        'Application',
        'payments-ledger-dev',
      ],
      [
        'a deliberately Degraded demo service',
        'prod',
        'Application',
        'fraud-scorer-prod',
      ],
      ['a Flux service', 'staging', 'Kustomization', 'autocomplete'],
    ];
    const deliveryObject = (
      clusterName: string,
      kind: 'Application' | 'Kustomization',
      name: string,
    ) =>
      kind === 'Application'
        ? h
            .cluster(clusterName)
            .get('argoproj.io/v1alpha1', kind, name, 'argocd')
        : h
            .cluster(clusterName)
            .get('kustomize.toolkit.fluxcd.io/v1', kind, name, 'flux-system');
    const before = new Map<string, unknown>();

    // One merge for the cases: each compares its delivery before it and once the operator synced it.
    beforeAll(async () => {
      for (const [, clusterName, kind, name] of UNTOUCHED) {
        before.set(name, deliveryObject(clusterName, kind, name));
      }
      const overlay =
        'apps/payments-ledger/overlays/staging/kustomization.yaml';
      await h.merge(
        { [overlay]: `${h.seeded[overlay]}# touched\n` },
        'Touch the staging overlay',
      );
    });

    it.each(UNTOUCHED)(
      'leaves a delivery the commit does not touch as it was: %s',
      (_what, clusterName, kind, name) => {
        expect(before.get(name)).toBeDefined();
        expect(deliveryObject(clusterName, kind, name)).toEqual(
          before.get(name),
        );
      },
    );
  });

  it('moves the Flux GitRepository of every cluster to each new commit', async () => {
    const sha = await h.merge(
      { 'README.md': `${h.seeded['README.md']}\nMore.\n` },
      'Docs',
    );
    const revisions = h.sandbox.kube.clusters.map(
      c =>
        (
          c.get(
            'source.toolkit.fluxcd.io/v1',
            'GitRepository',
            'gitops-config',
            'flux-system',
          ) as any
        ).status.artifact.revision,
    );
    expect(revisions).toEqual(DEMO_ENVIRONMENTS.map(() => `main@sha1:${sha}`));
  });
});
