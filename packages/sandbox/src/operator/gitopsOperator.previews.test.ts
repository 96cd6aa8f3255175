import { stringify } from 'yaml';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import { ServiceRepo } from '../__testUtils__/serviceRepo';
import { waitFor } from '../__testUtils__/watchStates';

/*
 * The pull-request generator played by the operator: an ApplicationSet merged under clusters/dev/ (the shape
 * gitops-node's previewEnvironments.ts writes) gets an Application per open pull request of cart-service's own
 * repository in the GitHub emulator, and loses it when the pull request closes.
 */

const SERVICE_REPO = { owner: 'acme', repo: 'cart-service' };
const APPSET_FILE = 'clusters/dev/argocd/cart-service-previews.yaml';

const applicationSet = (labels?: string[]) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'cart-service-previews', namespace: 'argocd' },
    spec: {
      goTemplate: true,
      generators: [
        {
          pullRequest: {
            github: { ...SERVICE_REPO, ...(labels ? { labels } : {}) },
            requeueAfterSeconds: 300,
          },
        },
      ],
      template: {
        metadata: {
          name: 'cart-service-pr-{{.number}}',
          labels: { 'backstage.io/kubernetes-id': 'cart-service' },
          annotations: {
            'gitops-portal.io/preview-pr-number': '{{.number}}',
          },
        },
        spec: {
          project: 'default',
          source: {
            repoURL: 'https://example.invalid/config.git',
            path: 'apps/cart-service/overlays/dev',
            kustomize: { images: ['ghcr.io/acme/cart-service:{{.head_sha}}'] },
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'cart-service-pr-{{.number}}',
          },
        },
      },
    },
  });

let h: OperatorHarness;
let serviceRepo: ServiceRepo;

const preview = (number: number) =>
  h
    .cluster('dev')
    .get(
      'argoproj.io/v1alpha1',
      'Application',
      `cart-service-pr-${number}`,
      'argocd',
    ) as any;

beforeAll(async () => {
  h = await OperatorHarness.start();
  serviceRepo = await ServiceRepo.create(
    h,
    SERVICE_REPO.owner,
    SERVICE_REPO.repo,
  );
});

afterAll(() => h?.close());

describe('the simulated ApplicationSet controller (pull-request generator)', () => {
  it("makes an open pull request's Application from the template, Healthy, its overlay's objects in the preview namespace", async () => {
    const pull = await serviceRepo.openPullRequest('add-coupons');
    await h.merge({ [APPSET_FILE]: applicationSet() }, 'Preview environments');

    const app = await waitFor(
      () => preview(pull.number),
      () => 'no preview Application',
    );
    expect(app.metadata.annotations).toEqual({
      'gitops-portal.io/preview-pr-number': String(pull.number),
    });
    expect(app.spec.source.kustomize.images).toEqual([
      `ghcr.io/acme/cart-service:${pull.head.sha}`,
    ]);
    expect(app.status.health.status).toBe('Healthy');
    expect(app.status.sync.status).toBe('Synced');
    expect(app.status.resources.length).toBeGreaterThan(0);
    expect(
      app.status.resources.every(
        (r: { namespace: string }) =>
          r.namespace === `cart-service-pr-${pull.number}`,
      ),
    ).toBe(true);
  });

  it('reports the ApplicationSet up to date, listing the Applications it generated', async () => {
    const pull = await serviceRepo.openPullRequest('add-vouchers');
    const appSet = await waitFor(
      () => {
        const live = h
          .cluster('dev')
          .get(
            'argoproj.io/v1alpha1',
            'ApplicationSet',
            'cart-service-previews',
            'argocd',
          ) as any;
        return live?.status?.resources?.some(
          (r: { name: string }) => r.name === `cart-service-pr-${pull.number}`,
        )
          ? live
          : undefined;
      },
      () => 'the ApplicationSet lists no Application of the pull request',
    );
    expect(appSet.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'ResourcesUpToDate', status: 'True' }),
    );
  });

  it('deletes the Application once its pull request closes', async () => {
    const pull = await serviceRepo.openPullRequest('fix-totals');
    await waitFor(
      () => preview(pull.number),
      () => 'no preview Application',
    );

    await serviceRepo.closePullRequest(pull.number);

    await waitFor(
      () => preview(pull.number) === undefined,
      () => 'the preview Application is still there',
    );
    expect(preview(pull.number)).toBeUndefined();
  });

  it('with a label filter, makes Applications of the labelled pull requests only', async () => {
    await h.merge(
      { [APPSET_FILE]: applicationSet(['preview']) },
      'Previews of labelled pull requests',
    );
    const unlabelled = await serviceRepo.openPullRequest('unlabelled');
    const labelled = await serviceRepo.openPullRequest('labelled', ['preview']);

    // Each round lists every open pull request: the one that made the labelled preview saw the other one too.
    await waitFor(
      () => preview(labelled.number),
      () => 'no preview of the labelled pull request',
    );
    expect(preview(unlabelled.number)).toBeUndefined();
  });
});
