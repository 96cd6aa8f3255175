import { KUBECTL } from '../__testUtils__/harness';
import { renderValidationMarkdown } from './markdown';
import { validateConfigRepoChange } from './validateConfigRepoChange';
import { imageTagProblem, POLICY_RULES } from './policy';

const container = (over: object = {}) => ({
  name: 'web',
  image: 'ghcr.io/acme/web:1.0.0',
  resources: { limits: { cpu: '500m', memory: '256Mi' } },
  ...over,
});
const deployment = (containers: object[], metadata: object = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    labels: { team: 'payments', env: 'dev' },
    ...metadata,
  },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { spec: { containers } },
  },
});

/** Each rule: an object that breaks it, and one that passes it. */
const CASES: Array<[string, object, object]> = [
  [
    'resources-limits',
    deployment([container({ resources: { limits: { cpu: '1' } } })]),
    deployment([container()]),
  ],
  [
    'resources-limits',
    deployment([container({ resources: undefined })]),
    deployment([container()]),
  ],
  [
    'immutable-image-tag',
    deployment([container({ image: 'ghcr.io/acme/web:latest' })]),
    deployment([container()]),
  ],
  [
    'immutable-image-tag',
    deployment([container({ image: 'localhost:5000/web' })]),
    deployment([
      container({ image: `localhost:5000/web@sha256:${'c'.repeat(64)}` }),
    ]),
  ],
  [
    'no-plaintext-secret',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', labels: { team: 't', env: 'e' } },
      data: { password: 'aHVudGVyMg==' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', labels: { team: 't', env: 'e' } },
      data: { password: 'ENC[AES256_GCM,data:x]' },
      sops: { version: '3.9.0' },
    },
  ],
  [
    'team-env-labels',
    deployment([container()], { labels: { team: 'payments' } }),
    deployment([container()]),
  ],
  [
    'dns1123-names',
    deployment([container()], { name: 'Web' }),
    deployment([container()], { name: 'web.v2' }),
  ],
  [
    'dns1123-names',
    deployment([container({ name: 'Main_Container' })]),
    deployment([container()]),
  ],
];

describe('policy rules', () => {
  it('has the documented rule ids', () => {
    expect(POLICY_RULES.map(rule => rule.id)).toEqual([
      'resources-limits',
      'immutable-image-tag',
      'no-plaintext-secret',
      'team-env-labels',
      'dns1123-names',
    ]);
  });

  it.each(CASES)(
    '%s: flags the bad object and passes the good one',
    (ruleId, bad, good) => {
      const rule = POLICY_RULES.find(r => r.id === ruleId)!;
      expect(rule.check(bad).length).toBeGreaterThan(0);
      expect(rule.check(good)).toEqual([]);
    },
  );

  it.each([
    ['nginx', 'has no tag (defaults to :latest)'],
    ['nginx:latest', 'uses the mutable tag :latest'],
    ['registry:5000/team/app', 'has no tag (defaults to :latest)'],
    ['registry:5000/team/app:2.1', undefined],
    [`app@sha256:${'d'.repeat(64)}`, undefined],
  ])('image %s: %s', (image, problem) => {
    expect(imageTagProblem(image)).toBe(problem);
  });

  it('never puts secret values in a violation', () => {
    const rule = POLICY_RULES.find(r => r.id === 'no-plaintext-secret')!;
    const messages = rule.check({
      kind: 'Secret',
      metadata: { name: 'x' },
      stringData: { token: 'super-secret-value' },
    });
    expect(messages.join(' ')).not.toContain('super-secret-value');
    expect(messages.join(' ')).not.toContain('token');
  });
});

describe('validateConfigRepoChange', () => {
  const overlayFiles = {
    'apps/web/base/kustomization.yaml':
      'resources: [deployment.yaml]\nlabels:\n  - pairs: {team: payments}\n',
    'apps/web/base/deployment.yaml': JSON.stringify(
      deployment([container()], { labels: {} }),
    ),
    'apps/web/overlays/dev/kustomization.yaml':
      'resources: [../../base]\nlabels:\n  - pairs: {env: dev}\n',
  };

  it('renders an overlay with real kustomize and passes it', async () => {
    const result = await validateConfigRepoChange({
      checkoutFiles: overlayFiles,
      touchedOverlays: ['apps/web/overlays/dev'],
      kubectlPath: KUBECTL,
    });
    expect(result).toMatchObject({
      ok: true,
      overlays: [{ path: 'apps/web/overlays/dev', objects: 1, violations: [] }],
    });
  });

  it('does not apply team-env-labels to plain manifests', async () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'web-dev', namespace: 'argocd' },
    };
    const result = await validateConfigRepoChange({
      checkoutFiles: { 'clusters/dev/argocd/web.yaml': JSON.stringify(app) },
      touchedOverlays: [],
      manifestFiles: ['clusters/dev/argocd/web.yaml'],
      kubectlPath: KUBECTL,
    });
    expect(result.ok).toBe(true);
    expect(result.manifests[0].objects).toBe(1);
  });

  it('reports a missing kubectl as a render violation naming the config key', async () => {
    const result = await validateConfigRepoChange({
      checkoutFiles: overlayFiles,
      touchedOverlays: ['apps/web/overlays/dev'],
      kubectlPath: '/nonexistent/kubectl',
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'render',
        message: expect.stringContaining('gitops.validation.kubectlPath'),
      }),
    ]);
  });

  it('renders a Markdown table of targets and violations', async () => {
    const result = await validateConfigRepoChange({
      checkoutFiles: {
        ...overlayFiles,
        'apps/web/base/deployment.yaml': JSON.stringify(
          deployment([container({ image: 'web' })], { labels: {} }),
        ),
      },
      touchedOverlays: ['apps/web/overlays/dev'],
      kubectlPath: KUBECTL,
    });
    const markdown = renderValidationMarkdown(result);
    expect(markdown).toContain(
      '| `apps/web/overlays/dev` | 1 | 1 finding(s) |',
    );
    expect(markdown).toContain(
      '| ❌ error | `apps/web/overlays/dev/kustomization.yaml` | Deployment/web | `immutable-image-tag` | (built-in) |',
    );
  });
});
