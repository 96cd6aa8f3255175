import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KUBECTL } from '../__testUtils__/harness';
import { webService } from '../__testUtils__/fixtures';
import { planValidation } from '../validation/planValidation';
import { validateConfigRepoChange } from '../validation/validateConfigRepoChange';
import { generateServiceManifests } from './generateServiceManifests';
import { NewServiceManifestOptions } from './types';

const HELM = join(__dirname, '../../../../.tools/kubectl/helm/helm');
const PROMETHEUS = 'http://prometheus.monitoring:9090';
const FLUX = { engine: 'flux' as const };
const REMOTE_CHART = {
  repoUrl: 'oci://ghcr.io/acme/charts',
  name: 'web',
  version: '1.2.0',
};

/** Plans validation the way the writer does for a new service (empty base), then validates with real kustomize and helm. */
async function validateNewService(files: Record<string, string>) {
  const plan = await planValidation(
    files,
    { branch: 'main', commitSha: 'x', treeSha: 'x', entries: new Map() },
    async () => {
      throw new Error('a new service reads no base blobs');
    },
  );
  const result = await validateConfigRepoChange({
    ...plan,
    kubectlPath: KUBECTL,
    helmPath: HELM,
  });
  return { plan, result };
}

const docsOf = (text: string) =>
  parseAllDocuments(text).map(doc => doc.toJSON());

const kindsIn = (texts: string[]) =>
  texts.flatMap(docsOf).map(doc => doc?.kind);

describe('generateServiceManifests variants', () => {
  it.each<[string, Partial<NewServiceManifestOptions>, number, number]>([
    // name, options, kustomize overlays rendered, helm releases rendered
    ['an Argo Rollout', { progressiveDelivery: { type: 'rollout' } }, 3, 0],
    [
      'an Argo Rollout with Prometheus analysis and an HPA',
      {
        hpa: { minReplicas: 2, maxReplicas: 4 },
        progressiveDelivery: {
          type: 'rollout',
          steps: [{ setWeight: 10 }, { setWeight: 50, pauseSeconds: 30 }],
          analysis: { prometheusAddress: PROMETHEUS },
        },
      },
      3,
      0,
    ],
    [
      'a Flagger Canary with a MetricTemplate',
      {
        delivery: FLUX,
        progressiveDelivery: {
          type: 'flagger',
          analysis: {
            prometheusAddress: PROMETHEUS,
            successRateThreshold: 0.9,
          },
        },
      },
      3,
      0,
    ],
    [
      'Flux image automation (semver)',
      {
        delivery: FLUX,
        imageAutomation: { mode: 'flux', policy: { semver: '^1.x' } },
      },
      3,
      0,
    ],
    ['Helm with Argo CD', { packaging: 'helm' }, 0, 3],
    [
      'Helm with an Argo CD ApplicationSet and a Rollout',
      {
        packaging: 'helm',
        delivery: {
          engine: 'argocd',
          mode: 'applicationset',
          repoUrl: 'https://github.com/acme/gitops-config',
        },
        progressiveDelivery: {
          type: 'rollout',
          analysis: { prometheusAddress: PROMETHEUS },
        },
      },
      0,
      3,
    ],
    [
      'Helm with Flux, Flagger and image automation',
      {
        packaging: 'helm',
        delivery: FLUX,
        progressiveDelivery: { type: 'flagger' },
        imageAutomation: {
          mode: 'flux',
          policy: { timestampPattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)$' },
        },
      },
      3,
      3,
    ],
    [
      'a remote Helm chart with Flux',
      { packaging: 'helm', chart: REMOTE_CHART, delivery: FLUX },
      3,
      0,
    ],
    [
      'a remote Helm chart with Argo CD',
      { packaging: 'helm', chart: REMOTE_CHART },
      0,
      0,
    ],
  ])(
    'with %s renders every environment and passes the policy',
    async (_name, overrides, overlays, helmReleases) => {
      const { plan, result } = await validateNewService(
        generateServiceManifests(webService(overrides)),
      );

      expect(result.violations).toEqual([]);
      expect(plan.touchedOverlays).toHaveLength(overlays);
      expect(plan.helmReleases).toHaveLength(helmReleases);
      expect(result.overlays.every(t => t.objects >= 1)).toBe(true);
    },
  );

  it.each<[string, Partial<NewServiceManifestOptions>, string]>([
    [
      'Argo Rollout',
      { progressiveDelivery: { type: 'rollout' } },
      'apps/web/base/workload.yaml',
    ],
    [
      'Helm Argo Rollout',
      { packaging: 'helm', progressiveDelivery: { type: 'rollout' } },
      'apps/web/chart/templates/workload.yaml',
    ],
  ])(
    'with %s writes a Rollout instead of a Deployment',
    (_name, overrides, path) => {
      const files = generateServiceManifests(webService(overrides));
      const text = files[path];
      expect(text).toContain('kind: Rollout');
      expect(text).not.toContain('kind: Deployment');
      expect(text).toContain('setWeight: 20');
    },
  );

  it('with Flagger keeps the Deployment, adds a Canary and leaves the Services to Flagger', () => {
    const files = generateServiceManifests(
      webService({
        delivery: FLUX,
        progressiveDelivery: {
          type: 'flagger',
          steps: [{ setWeight: 25, pauseSeconds: 120 }],
        },
      }),
    );
    const [canary] = docsOf(files['apps/web/base/canary.yaml']);
    expect(canary).toMatchObject({
      kind: 'Canary',
      spec: {
        targetRef: { kind: 'Deployment', name: 'web' },
        analysis: { interval: '120s', stepWeights: [25] },
      },
    });
    expect(files['apps/web/base/service.yaml']).toBeUndefined();
  });

  it('puts Flux setter markers on the image of the first environment only', () => {
    const files = generateServiceManifests(
      webService({ delivery: FLUX, imageAutomation: { mode: 'flux' } }),
    );
    expect(files['apps/web/overlays/dev/kustomization.yaml']).toContain(
      'newTag: 1.4.0 # {"$imagepolicy": "flux-system:web:tag"}',
    );
    expect(files['apps/web/overlays/staging/kustomization.yaml']).not.toContain(
      '$imagepolicy',
    );
    expect(
      kindsIn([files['clusters/dev/flux/web-image-automation.yaml']]),
    ).toEqual(['ImageRepository', 'ImagePolicy', 'ImageUpdateAutomation']);
    const [, policy, automation] = docsOf(
      files['clusters/dev/flux/web-image-automation.yaml'],
    );
    expect(policy.spec.policy).toEqual({ semver: { range: '>=0.0.0' } });
    expect(automation.spec.update).toEqual({
      path: './apps/web/overlays/dev',
      strategy: 'Setters',
    });
  });

  it('pins a remote chart version in the Argo CD Application with the config repo as $values', () => {
    const files = generateServiceManifests(
      webService({ packaging: 'helm', chart: REMOTE_CHART }),
    );
    const [app] = docsOf(files['clusters/prod/argocd/web.yaml']);
    expect(app.spec.sources).toEqual([
      {
        repoURL: 'ghcr.io/acme/charts',
        chart: 'web',
        targetRevision: '1.2.0',
        helm: {
          releaseName: 'web',
          valueFiles: ['$values/apps/web/overlays/prod/values.yaml'],
        },
      },
      {
        repoURL: 'https://github.com/acme/gitops-config',
        targetRevision: 'main',
        ref: 'values',
      },
    ]);
  });

  it('merges environment values under the pinned image and env', () => {
    const files = generateServiceManifests(
      webService({
        packaging: 'helm',
        environments: [
          {
            name: 'dev',
            replicas: 1,
            imageTag: '1.4.0',
            values: { ingress: { host: 'web.dev' }, env: 'x' },
          },
        ],
      }),
    );
    expect(docsOf(files['apps/web/overlays/dev/values.yaml'])[0]).toEqual({
      env: 'dev',
      team: 'payments',
      image: { repository: 'ghcr.io/acme/web', tag: '1.4.0' },
      replicaCount: 1,
      ingress: { host: 'web.dev' },
    });
  });
});
