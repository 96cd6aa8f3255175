import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { ConfigRepoReader } from '../configRepo/types';
import { generateServiceManifests } from './generateServiceManifests';
import {
  previewEnvironmentsChange,
  PreviewEnvironmentsRequest,
} from './previewEnvironments';
import { NewServiceManifestOptions } from './types';

/** A reader of an in-memory config repo: only `readFile` is used. */
function readerOf(
  files: Record<string, string>,
): Pick<ConfigRepoReader, 'readFile'> {
  return { readFile: async (path: string) => files[path] };
}

const service = (
  overrides: Partial<NewServiceManifestOptions> = {},
): Record<string, string> =>
  generateServiceManifests({
    name: 'web',
    team: 'payments',
    image: 'ghcr.io/acme/web',
    environments: [{ name: 'dev', replicas: 1, imageTag: '1.4.0' }],
    delivery: {
      engine: 'argocd',
      repoUrl: 'https://github.com/acme/gitops-config',
    },
    ...overrides,
  });

const request: PreviewEnvironmentsRequest = {
  service: 'web',
  environment: 'dev',
  repository: {
    owner: 'acme',
    repo: 'web',
    url: 'https://github.com/acme/web',
  },
};

async function generated(
  files: Record<string, string>,
  extra: Partial<PreviewEnvironmentsRequest> = {},
) {
  const { change, path } = await previewEnvironmentsChange(
    readerOf(files),
    'main',
    { ...request, ...extra },
  );
  return {
    path,
    docs: parseAllDocuments(change.files?.[path] ?? '').map(doc =>
      doc.toJSON(),
    ),
  };
}

describe('previewEnvironmentsChange', () => {
  describe('Argo CD: an ApplicationSet with the pull-request generator', () => {
    it('writes it next to the environment Application', async () => {
      const { path, docs } = await generated(service());
      expect(path).toBe('clusters/dev/argocd/web-previews.yaml');
      expect(docs.map(doc => doc.kind)).toEqual(['ApplicationSet']);
    });

    it.each([
      [
        'github.com: owner, repo and the token Secret by name, no api',
        {},
        {
          owner: 'acme',
          repo: 'web',
          tokenRef: { secretName: 'github-token', key: 'token' },
        },
      ],
      [
        'GitHub Enterprise: its api',
        {
          repository: {
            ...request.repository,
            api: 'https://ghe.example.com/api/v3',
          },
        },
        { api: 'https://ghe.example.com/api/v3' },
      ],
      [
        'a label filter and another token Secret',
        { labels: ['preview'], tokenSecretName: 'gh' },
        {
          labels: ['preview'],
          tokenRef: { secretName: 'gh', key: 'token' },
        },
      ],
    ])('generator: %s', async (_case, extra, github) => {
      const [appSet] = (await generated(service(), extra)).docs;
      expect(appSet.spec.generators[0].pullRequest.github).toMatchObject(
        github,
      );
    });

    it.each([
      ['the default poll interval', {}, 300],
      ['the requested poll interval', { requeueAfterSeconds: 60 }, 60],
    ])('requeueAfterSeconds: %s', async (_case, extra, seconds) => {
      const [appSet] = (await generated(service(), extra)).docs;
      expect(appSet.spec.generators[0].pullRequest.requeueAfterSeconds).toBe(
        seconds,
      );
    });

    it('names each Application after its PR and labels it for the entity, the PR in annotations', async () => {
      const [appSet] = (await generated(service())).docs;
      expect(appSet.spec.template.metadata).toEqual({
        name: 'web-pr-{{.number}}',
        labels: {
          'backstage.io/kubernetes-id': 'web',
          'gitops-portal.io/environment': 'pr-{{.number}}',
        },
        annotations: {
          'gitops-portal.io/preview-pr-number': '{{.number}}',
          'gitops-portal.io/preview-pr-url':
            'https://github.com/acme/web/pull/{{.number}}',
        },
      });
    });

    it.each([
      [
        'Kustomize: the overlay, in the preview namespace, the image at the head commit',
        {},
        {
          source: {
            repoURL: 'https://github.com/acme/gitops-config',
            path: 'apps/web/overlays/dev',
            targetRevision: 'main',
            kustomize: {
              namespace: 'web-pr-{{.number}}',
              images: ['ghcr.io/acme/web:{{.head_sha}}'],
            },
          },
        },
      ],
      [
        "Helm: the chart with the environment's values, image.tag at the head commit",
        { packaging: 'helm' as const },
        {
          source: {
            repoURL: 'https://github.com/acme/gitops-config',
            path: 'apps/web/chart',
            targetRevision: 'main',
            helm: {
              releaseName: 'web',
              valueFiles: ['../overlays/dev/values.yaml'],
              parameters: [{ name: 'image.tag', value: '{{.head_sha}}' }],
            },
          },
        },
      ],
    ])('template source: %s', async (_case, overrides, source) => {
      const [appSet] = (await generated(service(overrides))).docs;
      expect(appSet.spec.template.spec).toMatchObject({
        project: 'payments',
        ...source,
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'web-pr-{{.number}}',
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      });
    });
  });

  describe('Flux: a ResourceSetInputProvider and a ResourceSet', () => {
    const flux = () => service({ delivery: { engine: 'flux' } });

    it('lists the open PRs of the service repo, filtered by label, with the token Secret', async () => {
      const { path, docs } = await generated(flux(), { labels: ['preview'] });
      expect(path).toBe('clusters/dev/flux/web-previews.yaml');
      expect(docs[0]).toMatchObject({
        apiVersion: 'fluxcd.controlplane.io/v1',
        kind: 'ResourceSetInputProvider',
        metadata: {
          name: 'web-previews',
          namespace: 'flux-system',
          annotations: { 'fluxcd.controlplane.io/reconcileEvery': '300s' },
        },
        spec: {
          type: 'GitHubPullRequest',
          url: 'https://github.com/acme/web',
          secretRef: { name: 'github-token' },
          filter: { labels: ['preview'] },
        },
      });
    });

    it('makes a namespace and a Kustomization of the overlay per PR, the image at its head commit', async () => {
      const [, resourceSet] = (await generated(flux())).docs;
      expect(resourceSet.spec.inputsFrom).toEqual([
        { kind: 'ResourceSetInputProvider', name: 'web-previews' },
      ]);
      const [namespace, kustomization] = resourceSet.spec.resources;
      expect(namespace).toEqual({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'web-pr-<< inputs.id >>' },
      });
      expect(kustomization).toMatchObject({
        kind: 'Kustomization',
        metadata: {
          name: 'web-pr-<< inputs.id >>',
          labels: {
            'backstage.io/kubernetes-id': 'web',
            'gitops-portal.io/environment': 'pr-<< inputs.id >>',
          },
          annotations: {
            'gitops-portal.io/preview-pr-number': '<< inputs.id >>',
            'gitops-portal.io/preview-pr-url':
              'https://github.com/acme/web/pull/<< inputs.id >>',
          },
        },
        spec: {
          path: './apps/web/overlays/dev',
          sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
          targetNamespace: 'web-pr-<< inputs.id >>',
          images: [{ name: 'ghcr.io/acme/web', newTag: '<< inputs.sha >>' }],
        },
      });
    });
  });

  it.each([
    [
      'a service not delivered to the environment',
      service(),
      { environment: 'prod' },
      'delivers no web to prod',
    ],
    [
      'a Helm release under Flux',
      service({ delivery: { engine: 'flux' }, packaging: 'helm' }),
      {},
      'Kustomize overlays only',
    ],
    [
      'an overlay that pins no image',
      {
        ...service(),
        'apps/web/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
      },
      {},
      'pins no image',
    ],
  ])('refuses %s', async (_case, files, extra, message) => {
    const run = generated(files, extra);
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(message);
  });
});
