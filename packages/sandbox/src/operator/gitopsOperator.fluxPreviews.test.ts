import { stringify } from 'yaml';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import { ServiceRepo } from '../__testUtils__/serviceRepo';
import { waitFor } from '../__testUtils__/watchStates';
import { fillInputs } from './resourceSetGenerator';

/*
 * The Flux Operator played by the operator: a ResourceSetInputProvider (GitHubPullRequest) and a ResourceSet merged
 * under clusters/dev/flux/ (the pair gitops-node's previewEnvironments.ts writes for a Flux service) give each open
 * pull request of search-api's own repository in the GitHub emulator a namespace and a Ready Kustomization of the
 * dev overlay, and take them away when the pull request closes.
 */

const SERVICE_REPO = { owner: 'acme', repo: 'search-api' };
const PREVIEWS_FILE = 'clusters/dev/flux/search-api-previews.yaml';
const FLUX_OPERATOR = 'fluxcd.controlplane.io/v1';
const NUMBER = '<< inputs.id >>';

const previewPair = () =>
  [
    {
      apiVersion: FLUX_OPERATOR,
      kind: 'ResourceSetInputProvider',
      metadata: { name: 'search-api-previews', namespace: 'flux-system' },
      spec: {
        type: 'GitHubPullRequest',
        url: 'https://github.com/acme/search-api',
        secretRef: { name: 'github-token' },
      },
    },
    {
      apiVersion: FLUX_OPERATOR,
      kind: 'ResourceSet',
      metadata: { name: 'search-api-previews', namespace: 'flux-system' },
      spec: {
        inputsFrom: [
          { kind: 'ResourceSetInputProvider', name: 'search-api-previews' },
        ],
        resources: [
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: `search-api-pr-${NUMBER}` },
          },
          {
            apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
            kind: 'Kustomization',
            metadata: {
              name: `search-api-pr-${NUMBER}`,
              namespace: 'flux-system',
              labels: {
                'backstage.io/kubernetes-id': 'search-api',
                'gitops-portal.io/environment': `pr-${NUMBER}`,
              },
              annotations: {
                'gitops-portal.io/preview-pr-number': NUMBER,
                'gitops-portal.io/preview-pr-url': `https://github.com/acme/search-api/pull/${NUMBER}`,
              },
            },
            spec: {
              interval: '5m',
              prune: true,
              sourceRef: { kind: 'GitRepository', name: 'flux-system' },
              path: './apps/search-api/overlays/dev',
              targetNamespace: `search-api-pr-${NUMBER}`,
              images: [
                { name: 'ghcr.io/acme/search-api', newTag: '<< inputs.sha >>' },
              ],
            },
          },
        ],
      },
    },
  ]
    .map(doc => stringify(doc))
    .join('---\n');

let h: OperatorHarness;
let serviceRepo: ServiceRepo;

const kustomization = (number: number) =>
  h
    .cluster('dev')
    .get(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      `search-api-pr-${number}`,
      'flux-system',
    ) as any;
const namespace = (number: number) =>
  h.cluster('dev').get('v1', 'Namespace', `search-api-pr-${number}`) as any;

beforeAll(async () => {
  h = await OperatorHarness.start();
  serviceRepo = await ServiceRepo.create(
    h,
    SERVICE_REPO.owner,
    SERVICE_REPO.repo,
  );
  await h.merge({ [PREVIEWS_FILE]: previewPair() }, 'Preview environments');
});

afterAll(() => h?.close());

describe('the simulated Flux Operator (GitHubPullRequest provider and ResourceSet)', () => {
  it("makes an open pull request's namespace and Kustomization from the templates, Ready, its overlay in the preview namespace", async () => {
    const pull = await serviceRepo.openPullRequest('faster-ranking');
    const preview = await waitFor(
      () => kustomization(pull.number),
      () => 'no preview Kustomization',
    );

    expect(preview.metadata.annotations).toEqual({
      'gitops-portal.io/preview-pr-number': String(pull.number),
      'gitops-portal.io/preview-pr-url': `https://github.com/acme/search-api/pull/${pull.number}`,
    });
    expect(preview.spec.images).toEqual([
      { name: 'ghcr.io/acme/search-api', newTag: pull.head.sha },
    ]);
    expect(preview.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    );
    const entries: Array<{ id: string }> = preview.status.inventory.entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.every(e => e.id.startsWith(`search-api-pr-${pull.number}_`)),
    ).toBe(true);
    expect(namespace(pull.number)).toBeDefined();
  });

  it('exports the pull request as the provider input the ResourceSet read', async () => {
    const pull = await serviceRepo.openPullRequest('typo-tolerance');
    const provider = await waitFor(
      () => {
        const live = h
          .cluster('dev')
          .get(
            FLUX_OPERATOR,
            'ResourceSetInputProvider',
            'search-api-previews',
            'flux-system',
          ) as any;
        return live?.status?.exportedInputs?.some(
          (i: { id: string }) => i.id === String(pull.number),
        )
          ? live
          : undefined;
      },
      () => 'the provider exports no input of the pull request',
    );
    expect(provider.status.exportedInputs).toContainEqual({
      id: String(pull.number),
      sha: pull.head.sha,
      branch: 'typo-tolerance',
      author: expect.any(String),
      title: 'typo-tolerance',
    });
  });

  it('deletes the Kustomization and its namespace once the pull request closes', async () => {
    const pull = await serviceRepo.openPullRequest('drop-legacy-index');
    await waitFor(
      () => kustomization(pull.number),
      () => 'no preview Kustomization',
    );

    await serviceRepo.closePullRequest(pull.number);

    await waitFor(
      () => kustomization(pull.number) === undefined,
      () => 'the preview Kustomization is still there',
    );
    expect(namespace(pull.number)).toBeUndefined();
  });
});

describe('fillInputs', () => {
  it.each([
    ['an input', 'web-pr-<< inputs.id >>', 'web-pr-7'],
    ['spaces inside the delimiters', '<<inputs.sha>>', 'abc'],
    [
      'an unknown input kept as written',
      '<< inputs.nope >>',
      '<< inputs.nope >>',
    ],
    ['nested values', { a: ['<< inputs.id >>'] }, { a: ['7'] }],
  ])('fills %s', (_case, template, filled) => {
    expect(fillInputs(template, { id: '7', sha: 'abc' })).toEqual(filled);
  });
});
