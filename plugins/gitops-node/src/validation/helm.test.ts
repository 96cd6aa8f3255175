import { join } from 'node:path';
import { webService } from '../__testUtils__/fixtures';
import { KUBECTL } from '../__testUtils__/harness';
import { generateServiceManifests } from '../manifests/generateServiceManifests';
import { renderValidationMarkdown } from './markdown';
import { validateConfigRepoChange } from './validateConfigRepoChange';

const HELM = join(__dirname, '../../../../.tools/kubectl/helm/helm');
const DEV_VALUES = 'apps/web/overlays/dev/values.yaml';
const devRelease = {
  chart: 'apps/web/chart',
  valuesFiles: [DEV_VALUES],
  releaseName: 'web',
  namespace: 'web',
};

/** The generated chart and dev values, with one file replaced by the test. */
function helmService(replace: Record<string, string> = {}) {
  const files = generateServiceManifests(
    webService({
      packaging: 'helm',
      environments: [{ name: 'dev', replicas: 1, imageTag: '1.4.0' }],
    }),
  );
  return { ...files, ...replace };
}

describe('validateConfigRepoChange with Helm releases', () => {
  it('renders the chart with helm template and counts its objects', async () => {
    const result = await validateConfigRepoChange({
      checkoutFiles: helmService(),
      touchedOverlays: [],
      helmReleases: [devRelease],
      kubectlPath: KUBECTL,
      helmPath: HELM,
    });

    expect(result.ok).toBe(true);
    expect(result.overlays).toEqual([
      {
        path: `apps/web/chart (${DEV_VALUES})`,
        kind: 'helm',
        objects: 2,
        violations: [],
      },
    ]);
  });

  it.each([
    [
      'a mutable tag in the values file',
      { [DEV_VALUES]: 'env: dev\nimage:\n  tag: latest\n' },
      { file: DEV_VALUES, rule: 'immutable-image-tag' },
    ],
    [
      'a values file without env',
      { [DEV_VALUES]: 'image:\n  tag: 1.0.0\n' },
      {
        file: 'apps/web/chart/templates/workload.yaml',
        rule: 'team-env-labels',
      },
    ],
    [
      'a template without limits',
      {
        'apps/web/chart/templates/job.yaml':
          'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  labels: { team: payments, env: dev }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: once, image: "busybox:1.36" }\n',
      },
      { file: 'apps/web/chart/templates/job.yaml', rule: 'resources-limits' },
    ],
    [
      'a chart that does not render',
      {
        'apps/web/chart/templates/broken.yaml':
          'kind: {{ .Values.nope.deeper }}\n',
      },
      { file: DEV_VALUES, rule: 'render' },
    ],
  ])('reports %s', async (_name, replace, expected) => {
    const result = await validateConfigRepoChange({
      checkoutFiles: helmService(replace),
      touchedOverlays: [],
      helmReleases: [devRelease],
      kubectlPath: KUBECTL,
      helmPath: HELM,
    });

    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual(expect.objectContaining(expected));
  });

  it('names the config key when helm is missing', async () => {
    const result = await validateConfigRepoChange({
      checkoutFiles: helmService(),
      touchedOverlays: [],
      helmReleases: [devRelease],
      helmPath: '/nonexistent/helm',
    });

    expect(result.violations[0].message).toMatch(
      /helm not found at "\/nonexistent\/helm" \(set gitops.validation.helmPath\)/,
    );
  });

  it('says a remote chart was not rendered, in the result and the PR body', async () => {
    const files = generateServiceManifests(
      webService({
        packaging: 'helm',
        chart: {
          repoUrl: 'https://charts.acme.dev',
          name: 'web',
          version: '2.0.1',
        },
        delivery: { engine: 'flux' },
        environments: [{ name: 'dev', replicas: 1, imageTag: '1.4.0' }],
      }),
    );

    const result = await validateConfigRepoChange({
      checkoutFiles: files,
      touchedOverlays: ['apps/web/overlays/dev'],
      kubectlPath: KUBECTL,
      helmPath: HELM,
    });

    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([
      expect.stringContaining(
        'HelmRelease/web uses the remote chart web@2.0.1; it was not rendered',
      ),
    ]);
    expect(renderValidationMarkdown(result)).toContain(
      'uses the remote chart web@2.0.1',
    );
  });
});
