import {
  DriftPolicy,
  driftPolicyEngineProblem,
  driftPolicySchema,
  goDurationSchema,
} from './driftPolicy';

describe('goDurationSchema', () => {
  it.each(['5m', '30s', '1h30m', '1.5h', '500ms'])('accepts %s', value => {
    expect(goDurationSchema.safeParse(value).success).toBe(true);
  });

  it.each(['', '5', '5d', '-5m', 'm5', `${'1'.repeat(40)}s`])(
    'refuses %j',
    value => {
      expect(goDurationSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe('driftPolicySchema', () => {
  it.each([
    ['an empty policy (all defaults)', {}],
    ['Argo CD switches', { selfHeal: false, prune: false }],
    ['a Flux interval', { prune: false, interval: '10m' }],
    [
      'every ignoreDifferences form Argo CD documents',
      {
        ignoreDifferences: [
          {
            group: 'apps',
            kind: 'Deployment',
            name: 'web',
            namespace: 'web',
            jsonPointers: ['/spec/replicas'],
          },
          { kind: 'ConfigMap', jqPathExpressions: ['.data["x"]'] },
          { group: '*', kind: '*', managedFieldsManagers: ['kube-hpa'] },
        ],
      },
    ],
  ])('accepts %s', (_name, policy) => {
    expect(driftPolicySchema.safeParse(policy).success).toBe(true);
  });

  it.each([
    ['an unknown key', { automated: false }, 'automated'],
    ['a non-boolean switch', { selfHeal: 'yes' }, 'selfHeal'],
    ['a bad interval', { interval: '5 minutes' }, 'Go duration'],
    [
      'a rule without kind',
      { ignoreDifferences: [{ jsonPointers: ['/spec/replicas'] }] },
      'kind',
    ],
    [
      'a rule that ignores nothing',
      { ignoreDifferences: [{ kind: 'Deployment' }] },
      'must name what to ignore',
    ],
    [
      'a pointer without a leading slash',
      {
        ignoreDifferences: [{ kind: 'Deployment', jsonPointers: ['spec'] }],
      },
      'JSON pointer',
    ],
    [
      'a namespace that is not a DNS label',
      {
        ignoreDifferences: [
          { kind: 'Deployment', namespace: 'Web', jsonPointers: ['/a'] },
        ],
      },
      'DNS-1123',
    ],
    [
      'a line break in a jq expression',
      {
        ignoreDifferences: [
          { kind: 'Deployment', jqPathExpressions: ['.a\n.b'] },
        ],
      },
      'control characters',
    ],
    [
      'too many rules',
      {
        ignoreDifferences: Array.from({ length: 51 }, () => ({
          kind: 'Deployment',
          jsonPointers: ['/spec/replicas'],
        })),
      },
      'at most 50',
    ],
  ])('refuses %s', (_name, policy, message) => {
    const result = driftPolicySchema.safeParse(policy);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe('driftPolicyEngineProblem', () => {
  it.each<['argocd' | 'flux', DriftPolicy, string | undefined]>([
    ['argocd', { selfHeal: true, prune: false }, undefined],
    ['flux', { prune: false, interval: '1m' }, undefined],
    ['argocd', { interval: '1m' }, 'interval is not a setting of Argo CD'],
    [
      'flux',
      { selfHeal: true, ignoreDifferences: [] },
      'selfHeal and ignoreDifferences are not settings of Flux',
    ],
  ])('%s %j: %s', (engine, policy, problem) => {
    expect(driftPolicyEngineProblem(policy, engine)).toBe(problem);
  });
});
