import { DriftPolicy } from '@gitops-portal/plugin-gitops-common';
import { parseAllDocuments } from 'yaml';
import { webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from './generateServiceManifests';
import { NewServiceManifestOptions } from './types';

/*
 * Each environment's drift policy reaches its engine object: Argo CD `syncPolicy.automated` and
 * `spec.ignoreDifferences`, Flux Kustomization `prune`/`interval` and HelmRelease `interval`. Without a policy the
 * manifests stay what the golden path always wrote.
 */

const FLUX = { engine: 'flux' as const };
const REPLICAS_RULE = {
  group: 'apps',
  kind: 'Deployment',
  jsonPointers: ['/spec/replicas'],
};

/** The service with `policy` on prod only. */
const withProdPolicy = (
  policy: DriftPolicy,
  overrides: Partial<NewServiceManifestOptions> = {},
) => {
  const base = webService(overrides);
  return {
    ...base,
    environments: base.environments.map(env =>
      env.name === 'prod' ? { ...env, driftPolicy: policy } : env,
    ),
  };
};

/** The documents of one generated file, by kind. */
function docOf(files: Record<string, string>, path: string, kind: string) {
  const docs = parseAllDocuments(files[path]).map(doc => doc.toJSON());
  return docs.find(
    doc => doc.kind === kind && !/-migrations$/.test(doc.metadata.name),
  );
}

describe('generateServiceManifests: drift policy', () => {
  it.each<[string, DriftPolicy, object, object | undefined, string[]]>([
    // name, prod policy, automated, ignoreDifferences, syncOptions
    [
      'no policy keeps the defaults',
      {},
      { prune: true, selfHeal: true },
      undefined,
      ['CreateNamespace=true'],
    ],
    [
      'selfHeal and prune off',
      { selfHeal: false, prune: false },
      { prune: false, selfHeal: false },
      undefined,
      ['CreateNamespace=true'],
    ],
    [
      'ignoreDifferences, respected on sync',
      { prune: false, ignoreDifferences: [REPLICAS_RULE] },
      { prune: false, selfHeal: true },
      [REPLICAS_RULE],
      ['CreateNamespace=true', 'RespectIgnoreDifferences=true'],
    ],
  ])(
    'Argo CD Application: %s',
    (_name, policy, automated, ignoreDifferences, syncOptions) => {
      const files = generateServiceManifests(withProdPolicy(policy));
      const prod = docOf(files, 'clusters/prod/argocd/web.yaml', 'Application');
      expect(prod.spec.syncPolicy).toEqual({ automated, syncOptions });
      expect(prod.spec.ignoreDifferences).toEqual(ignoreDifferences);
    },
  );

  it('Argo CD: another environment keeps the defaults', () => {
    const files = generateServiceManifests(
      withProdPolicy({ selfHeal: false, ignoreDifferences: [REPLICAS_RULE] }),
    );
    const dev = docOf(files, 'clusters/dev/argocd/web.yaml', 'Application');
    expect(dev.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: true,
    });
    expect(dev.spec.ignoreDifferences).toBeUndefined();
  });

  it('ApplicationSet: one policy shared by every environment goes into the template', () => {
    const base = webService({
      delivery: {
        engine: 'argocd',
        mode: 'applicationset',
        repoUrl: 'https://github.com/acme/gitops-config',
      },
    });
    const files = generateServiceManifests({
      ...base,
      environments: base.environments.map(env => ({
        ...env,
        driftPolicy: { selfHeal: false },
      })),
    });
    const appSet = docOf(
      files,
      'clusters/dev/argocd/web-appset.yaml',
      'ApplicationSet',
    );
    expect(appSet.spec.template.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: false,
    });
  });

  it('ApplicationSet: environments with different policies are refused', () => {
    const options = withProdPolicy(
      { selfHeal: false },
      {
        delivery: {
          engine: 'argocd',
          mode: 'applicationset',
          repoUrl: 'https://github.com/acme/gitops-config',
        },
      },
    );
    expect(() => generateServiceManifests(options)).toThrow(
      'one drift policy for every environment',
    );
  });

  it.each<[string, DriftPolicy, boolean, string]>([
    ['no policy keeps the defaults', {}, true, '5m'],
    ['prune off, hourly', { prune: false, interval: '1h' }, false, '1h'],
  ])('Flux Kustomization: %s', (_name, policy, prune, interval) => {
    const files = generateServiceManifests(
      withProdPolicy(policy, { delivery: FLUX, migration: { command: ['m'] } }),
    );
    const docs = parseAllDocuments(files['clusters/prod/flux/web.yaml']).map(
      doc => doc.toJSON(),
    );
    // The migrations Kustomization follows the same policy as the app's.
    expect(docs.map(doc => [doc.spec.prune, doc.spec.interval])).toEqual([
      [prune, interval],
      [prune, interval],
    ]);
  });

  it('Flux HelmRelease: the interval follows the policy', () => {
    const files = generateServiceManifests(
      withProdPolicy(
        { interval: '30s' },
        { delivery: FLUX, packaging: 'helm' },
      ),
    );
    const release = docOf(
      files,
      'apps/web/overlays/prod/release.yaml',
      'HelmRelease',
    );
    expect(release.spec.interval).toBe('30s');
  });

  it.each<[string, DriftPolicy, Partial<NewServiceManifestOptions>, string]>([
    [
      'interval on Argo CD',
      { interval: '5m' },
      {},
      'driftPolicy: interval is not a setting of Argo CD',
    ],
    [
      'selfHeal on Flux',
      { selfHeal: true },
      { delivery: FLUX },
      'driftPolicy: selfHeal is not a setting of Flux',
    ],
    [
      'a bad interval',
      { interval: 'soon' },
      { delivery: FLUX },
      'driftPolicy.interval: must be a Go duration',
    ],
    [
      'a rule that ignores nothing',
      { ignoreDifferences: [{ kind: 'Deployment' }] },
      {},
      'driftPolicy.ignoreDifferences.0: must name what to ignore',
    ],
  ])(
    'refuses %s, naming the environment',
    (_name, policy, overrides, message) => {
      expect(() =>
        generateServiceManifests(withProdPolicy(policy, overrides)),
      ).toThrow(`Environment prod: ${message}`);
    },
  );
});
