import {
  APPS,
  endsAt,
  OperatorHarness,
  short,
} from '../__testUtils__/operatorHarness';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterEach(() => h.stopRecorders());

afterAll(() => h?.close());

describe('the simulated GitOps operator showing a failed delivery', () => {
  it('shows Degraded with the kustomize error when the overlay at the new commit does not render', async () => {
    const overlay = 'apps/cart-service/overlays/dev/kustomization.yaml';
    const app = await h.watch('dev', APPS, 'cart-service-dev');
    const sha = await h.merge(
      {
        [overlay]: h.seeded[overlay].replace(
          '- ../../base',
          '- ../../base\n  - missing.yaml',
        ),
      },
      'Break',
    );
    await endsAt(app, `Unknown/Degraded@${short(sha)}`);
    const live = h
      .cluster('dev')
      .get(
        'argoproj.io/v1alpha1',
        'Application',
        'cart-service-dev',
        'argocd',
      ) as any;
    expect(live.status.health.message).toContain('missing.yaml');
  });

  it('shows Degraded with the fault message when a configured fault matches the delivery', async () => {
    const fault = h.sandbox.operator!.addFault({
      cluster: 'staging',
      name: 'checkout-web-staging',
      message: 'Rollout aborted',
    });
    const overlay = 'apps/checkout-web/overlays/staging/kustomization.yaml';
    const app = await h.watch('staging', APPS, 'checkout-web-staging');
    const sha = await h.merge(
      { [overlay]: `${h.seeded[overlay]}# faulty\n` },
      'Faulty change',
    );
    h.sandbox.operator!.clearFaults(fault);
    await endsAt(app, `Synced/Degraded@${short(sha)}`);
    const live = h
      .cluster('staging')
      .get(
        'argoproj.io/v1alpha1',
        'Application',
        'checkout-web-staging',
        'argocd',
      ) as any;
    expect(live.status.health.message).toBe('Rollout aborted');
  });
});
