import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { KUBECTL } from '../__testUtils__/harness';
import { webService } from '../__testUtils__/fixtures';
import { validateConfigRepoChange } from '../validation/validateConfigRepoChange';
import { generateServiceManifests } from './generateServiceManifests';
import { NewServiceManifestOptions } from './types';

const DIGEST = `sha256:${'a'.repeat(64)}`;

/** Renders every overlay of the generated files with real kustomize and checks the policy. */
async function validateGenerated(files: Record<string, string>) {
  const overlays = Object.keys(files)
    .filter(path =>
      /^apps\/[^/]+\/overlays\/.+\/kustomization\.yaml$/.test(path),
    )
    .map(path => path.replace(/\/kustomization\.yaml$/, ''));
  return validateConfigRepoChange({
    checkoutFiles: files,
    touchedOverlays: overlays,
    manifestFiles: Object.keys(files).filter(path =>
      path.startsWith('clusters/'),
    ),
    kubectlPath: KUBECTL,
  });
}

const docsOf = (text: string) =>
  parseAllDocuments(text).map(doc => doc.toJSON());

describe('generateServiceManifests', () => {
  it.each<[string, Partial<NewServiceManifestOptions>]>([
    ['Argo CD Applications', {}],
    [
      'an Argo CD ApplicationSet',
      {
        delivery: {
          engine: 'argocd',
          mode: 'applicationset',
          repoUrl: 'https://github.com/acme/gitops-config',
        },
      },
    ],
    ['Flux Kustomizations', { delivery: { engine: 'flux' } }],
    ['an HPA', { hpa: { minReplicas: 2, maxReplicas: 5 } }],
    [
      'a digest instead of a tag',
      { environments: [{ name: 'dev', replicas: 1, imageDigest: DIGEST }] },
    ],
    [
      'an Argo CD migration Job',
      { migration: { command: ['./migrate', 'up'] } },
    ],
    [
      'a Flux migration Kustomization',
      { migration: { command: ['./migrate'] }, delivery: { engine: 'flux' } },
    ],
  ])(
    'with %s renders with kustomize and passes the policy',
    async (_name, overrides) => {
      const result = await validateGenerated(
        generateServiceManifests(webService(overrides)),
      );
      expect(result.violations).toEqual([]);
      expect(result.overlays.length).toBeGreaterThan(0);
      expect(result.overlays.every(o => o.objects >= 1)).toBe(true);
    },
  );

  it('lays files out like the sandbox seed', () => {
    const files = generateServiceManifests(webService());
    expect(Object.keys(files).sort()).toEqual(
      [
        'apps/web/base/kustomization.yaml',
        'apps/web/base/service.yaml',
        'apps/web/base/workload.yaml',
        ...['dev', 'staging', 'prod'].flatMap(env => [
          `apps/web/overlays/${env}/kustomization.yaml`,
          `clusters/${env}/argocd/web.yaml`,
          `clusters/${env}/argocd/projects/payments.yaml`,
          `clusters/${env}/namespaces/web.yaml`,
        ]),
      ].sort(),
    );
    expect(docsOf(files['clusters/prod/argocd/web.yaml'])[0]).toMatchObject({
      kind: 'Application',
      metadata: {
        name: 'web-prod',
        namespace: 'argocd',
        labels: { 'backstage.io/kubernetes-id': 'web', team: 'payments' },
      },
      spec: {
        project: 'payments',
        source: { path: 'apps/web/overlays/prod', targetRevision: 'main' },
      },
    });
    expect(
      docsOf(files['apps/web/overlays/prod/kustomization.yaml'])[0],
    ).toMatchObject({
      namespace: 'web',
      resources: ['../../base'],
      images: [{ name: 'ghcr.io/acme/web', newTag: '1.3.1' }],
      replicas: [{ name: 'web', count: 3 }],
    });
  });

  it("lets the team's AppProject deploy from the config repo", () => {
    const files = generateServiceManifests(webService());
    const project = Object.entries(files).find(([path]) =>
      /^clusters\/dev\/argocd\/projects\/[^/]+\.yaml$/.test(path),
    );
    expect(project).toBeDefined();
    const [appProject] = docsOf(project![1]);
    expect(appProject.spec.sourceRepos).toHaveLength(1);
    expect(appProject.spec.sourceRepos[0]).toMatch(/gitops-config/);
  });

  it('orders the Argo CD migration Job first with sync wave -1', () => {
    const files = generateServiceManifests(
      webService({ migration: { command: ['./migrate'] } }),
    );
    const [job] = docsOf(files['apps/web/base/migration-job.yaml']);
    expect(job.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
  });

  it('makes the Flux app depend on its migration Kustomization', () => {
    const files = generateServiceManifests(
      webService({
        migration: { command: ['./migrate'] },
        delivery: { engine: 'flux' },
      }),
    );
    const [migrations, app] = docsOf(files['clusters/dev/flux/web.yaml']);
    expect(migrations.metadata.name).toBe('web-migrations');
    expect(migrations.spec.path).toBe('./apps/web/overlays/dev/migrations');
    expect(app.spec.dependsOn).toEqual([{ name: 'web-migrations' }]);
  });

  it.each<[string, Partial<NewServiceManifestOptions>, RegExp]>([
    [
      'a service name that is not DNS-1123',
      { name: 'Web_App' },
      /Service name "Web_App" is not a DNS-1123 name/,
    ],
    [
      'a team name that is not DNS-1123',
      { team: 'Payments Team' },
      /Team name/,
    ],
    [
      'an environment name that is not DNS-1123',
      { environments: [{ name: 'Prod!', replicas: 1, imageTag: '1.0.0' }] },
      /Environment name/,
    ],
    [
      'the latest tag',
      { environments: [{ name: 'dev', replicas: 1, imageTag: 'latest' }] },
      /not an immutable tag/,
    ],
    [
      'no tag and no digest',
      { environments: [{ name: 'dev', replicas: 1 }] },
      /exactly one of imageTag and imageDigest/,
    ],
    [
      'a bad digest',
      {
        environments: [{ name: 'dev', replicas: 1, imageDigest: 'sha256:xyz' }],
      },
      /sha256:<64 hex digits>/,
    ],
    [
      'an image with a tag',
      { image: 'ghcr.io/acme/web:1.0' },
      /not an image repository/,
    ],
    [
      'a template expression in the image',
      { image: '${{ parameters.image }}' },
      /not an image repository/,
    ],
    [
      'negative replicas',
      { environments: [{ name: 'dev', replicas: -1, imageTag: '1.0.0' }] },
      /replicas/,
    ],
    [
      'a duplicate environment',
      {
        environments: [
          { name: 'dev', replicas: 1, imageTag: '1' },
          { name: 'dev', replicas: 1, imageTag: '1' },
        ],
      },
      /listed twice/,
    ],
  ])('refuses %s with an InputError', (_name, overrides, message) => {
    let error: unknown;
    try {
      generateServiceManifests(webService(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
});
