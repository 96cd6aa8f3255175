import { checkObject } from './checkObject';
import { validateConfigRepoChange } from './validateConfigRepoChange';
import { RuleSettings } from './config';

const deployment = (namespace: string, name = 'web') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels: { team: 't', env: 'dev' } },
  spec: {
    template: {
      spec: { containers: [{ name: 'web', image: 'ghcr.io/acme/web:latest' }] },
    },
  },
});

const tagFindings = (object: object, rules?: RuleSettings) =>
  checkObject(object, 'f.yaml', true, { rules })
    .filter(v => v.rule === 'immutable-image-tag')
    .map(v => v.severity ?? 'error');

const on = { enabled: true, severity: 'error' as const, exceptions: [] };

describe('built-in rule settings', () => {
  it.each<[string, object, RuleSettings | undefined, string[]]>([
    ['no settings: an error', deployment('shop'), undefined, ['error']],
    [
      'disabled: nothing',
      deployment('shop'),
      { 'immutable-image-tag': { ...on, enabled: false } },
      [],
    ],
    [
      'severity warning: a warning',
      deployment('shop'),
      { 'immutable-image-tag': { ...on, severity: 'warning' } },
      ['warning'],
    ],
    [
      'an exception for the namespace: nothing',
      deployment('sandbox'),
      {
        'immutable-image-tag': {
          ...on,
          exceptions: [{ namespace: 'sandbox' }],
        },
      },
      [],
    ],
    [
      'an exception for another namespace: still an error',
      deployment('shop'),
      {
        'immutable-image-tag': {
          ...on,
          exceptions: [{ namespace: 'sandbox' }],
        },
      },
      ['error'],
    ],
    [
      'an exception for the namespace and name: nothing',
      deployment('shop', 'legacy'),
      {
        'immutable-image-tag': {
          ...on,
          exceptions: [{ namespace: 'shop', name: 'legacy' }],
        },
      },
      [],
    ],
    [
      'an exception for the namespace and another name: still an error',
      deployment('shop', 'web'),
      {
        'immutable-image-tag': {
          ...on,
          exceptions: [{ namespace: 'shop', name: 'legacy' }],
        },
      },
      ['error'],
    ],
  ])('%s', (_, object, rules, expected) => {
    expect(tagFindings(object, rules)).toEqual(expected);
  });

  it('leaves the other rules alone when one is disabled', () => {
    const object = deployment('shop');
    const rules = checkObject(object, 'f.yaml', true, {
      rules: { 'immutable-image-tag': { ...on, enabled: false } },
    }).map(v => v.rule);
    expect(rules).toEqual(['resources-limits']);
  });
});

describe('validateConfigRepoChange with rule settings and estate policies', () => {
  const secret =
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\nstringData:\n  password: hunter2-value\n';

  it.each<[string, RuleSettings, boolean, string[]]>([
    ['an error blocks', {}, false, ['error']],
    [
      'a warning does not block',
      { 'no-plaintext-secret': { ...on, severity: 'warning' } },
      true,
      ['warning'],
    ],
    [
      'an exception drops it',
      { 'no-plaintext-secret': { ...on, exceptions: [{ namespace: 'shop' }] } },
      true,
      [],
    ],
  ])(
    'a plaintext Secret in a changed file: %s',
    async (_, rules, ok, severities) => {
      const result = await validateConfigRepoChange({
        checkoutFiles: { 'apps/web/base/secret.yaml': secret },
        touchedOverlays: [],
        secretScanFiles: ['apps/web/base/secret.yaml'],
        rules,
      });
      expect(result.ok).toBe(ok);
      expect(result.violations.map(v => v.severity ?? 'error')).toEqual(
        severities,
      );
    },
  );

  it('runs the estate policies on plain manifests and lists what it skipped', async () => {
    const policy = [
      'apiVersion: kyverno.io/v1',
      'kind: ClusterPolicy',
      'metadata: { name: app-label }',
      'spec:',
      '  validationFailureAction: Enforce',
      '  rules:',
      '    - name: needs-app',
      '      match: { any: [{ resources: { kinds: [ConfigMap] } }] }',
      '      validate: { message: app label required, pattern: { metadata: { labels: { app: "?*" } } } }',
      '    - name: no-deny',
      '      match: { any: [{ resources: { kinds: [ConfigMap] } }] }',
      '      validate: { deny: {} }',
    ].join('\n');
    const result = await validateConfigRepoChange({
      checkoutFiles: {
        'clusters/dev/config.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: b\n',
      },
      touchedOverlays: [],
      manifestFiles: ['clusters/dev/config.yaml'],
      policyFiles: { 'policies/app-label.yaml': policy },
    });
    expect(result).toMatchObject({
      ok: false,
      policies: ['ClusterPolicy/app-label/needs-app'],
      violations: [
        {
          file: 'clusters/dev/config.yaml',
          object: 'ConfigMap/settings',
          rule: 'kyverno',
          policy: 'ClusterPolicy/app-label/needs-app',
          severity: 'error',
        },
      ],
      skipped: [
        {
          policy: 'ClusterPolicy/app-label/no-deny',
          file: 'policies/app-label.yaml',
          reason: 'validate.deny is not evaluated here',
        },
      ],
    });
  });
});
