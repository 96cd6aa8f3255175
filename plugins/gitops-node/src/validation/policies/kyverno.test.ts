import { stringify } from 'yaml';
import { loadEstatePolicies } from './loadEstatePolicies';

/** Policies written from kyverno.io "Validate Rules" and "Auto-Gen Rules for Pod Controllers", not copied. */
const clusterPolicy = (
  rule: object,
  spec: object = {},
  metadata: object = {},
) => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'require-team', ...metadata },
  spec: {
    validationFailureAction: 'Enforce',
    rules: [{ name: 'check-team', ...rule }],
    ...spec,
  },
});
const matchKinds = (kinds: string[], extra: object = {}) => ({
  match: { any: [{ resources: { kinds, ...extra } }] },
});
const teamLabel = {
  validate: {
    message: 'a team label is required',
    pattern: { metadata: { labels: { team: '?*' } } },
  },
};
const noLatest = {
  validate: {
    message: 'no latest',
    pattern: { spec: { containers: [{ image: '!*:latest' }] } },
  },
};
const deployment = (
  image = 'web:1.0',
  labels: object = {},
  namespace = 'shop',
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace, labels },
  spec: {
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'web', image }] },
    },
  },
});

function evaluate(policy: object, target: object) {
  const policies = loadEstatePolicies({
    'policies/kyverno.yaml': stringify(policy),
  });
  return {
    violations: policies.check(target as any, 'apps/web/base/deployment.yaml'),
    skipped: policies.skipped,
  };
}

type Expect = {
  violation?: [severity: string, message: string];
  skipped?: string;
};

const CASES: Array<[string, object, object, Expect]> = [
  [
    'pattern failure with Enforce blocks',
    clusterPolicy({ ...matchKinds(['Deployment']), ...teamLabel }),
    deployment(),
    {
      violation: [
        'error',
        'a team label is required (pattern failed at /metadata/labels/team)',
      ],
    },
  ],
  [
    'pattern match passes',
    clusterPolicy({ ...matchKinds(['Deployment']), ...teamLabel }),
    deployment('web:1', { team: 'a' }),
    {},
  ],
  [
    'Audit is a warning',
    clusterPolicy(
      { ...matchKinds(['Deployment']), ...teamLabel },
      { validationFailureAction: 'Audit' },
    ),
    deployment(),
    { violation: ['warning', 'a team label is required'] },
  ],
  [
    "the rule's failureAction wins over the policy's",
    clusterPolicy({
      ...matchKinds(['Deployment']),
      validate: { ...teamLabel.validate, failureAction: 'Audit' },
    }),
    deployment(),
    { violation: ['warning', 'a team label is required'] },
  ],
  [
    'a per-namespace override',
    clusterPolicy(
      { ...matchKinds(['Deployment']), ...teamLabel },
      {
        validationFailureAction: 'Audit',
        validationFailureActionOverrides: [
          { action: 'Enforce', namespaces: ['sh*'] },
        ],
      },
    ),
    deployment(),
    { violation: ['error', 'a team label is required'] },
  ],
  [
    'another kind is not matched',
    clusterPolicy({ ...matchKinds(['Service']), ...teamLabel }),
    deployment(),
    {},
  ],
  [
    'group/version/Kind matches',
    clusterPolicy({ ...matchKinds(['apps/v1/Deployment']), ...teamLabel }),
    deployment(),
    { violation: ['error', 'team'] },
  ],
  [
    'namespaces with wildcards',
    clusterPolicy({
      ...matchKinds(['Deployment'], { namespaces: ['prod-*'] }),
      ...teamLabel,
    }),
    deployment(),
    {},
  ],
  [
    'exclude by namespace',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      exclude: { any: [{ resources: { namespaces: ['shop'] } }] },
      ...teamLabel,
    }),
    deployment(),
    {},
  ],
  [
    'a Pod rule checks a Deployment pod template (auto-generated rules)',
    clusterPolicy({ ...matchKinds(['Pod']), ...noLatest }),
    deployment('web:latest'),
    {
      violation: [
        'error',
        'no latest (pattern failed at /spec/containers/0/image)',
      ],
    },
  ],
  [
    'auto-generation off',
    clusterPolicy(
      { ...matchKinds(['Pod']), ...noLatest },
      {},
      {
        annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' },
      },
    ),
    deployment('web:latest'),
    {},
  ],
  [
    'cel expressions',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      validate: {
        cel: {
          expressions: [
            {
              expression: 'has(object.metadata.labels.team)',
              message: 'needs team',
            },
          ],
        },
      },
    }),
    deployment(),
    { violation: ['error', 'needs team'] },
  ],
  [
    'deny is skipped by name',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      validate: { deny: { conditions: { any: [] } } },
    }),
    deployment(),
    { skipped: 'validate.deny is not evaluated here' },
  ],
  [
    'anyPattern is skipped by name',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      validate: { anyPattern: [{}, {}] },
    }),
    deployment(),
    { skipped: 'validate.anyPattern' },
  ],
  [
    'foreach is skipped by name',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      validate: { foreach: [{ list: 'request.object.spec.containers' }] },
    }),
    deployment(),
    { skipped: 'validate.foreach' },
  ],
  [
    'context is skipped by name',
    clusterPolicy({
      ...matchKinds(['Deployment']),
      context: [{ name: 'cm', configMap: { name: 'x', namespace: 'y' } }],
      ...teamLabel,
    }),
    deployment(),
    { skipped: 'it uses context' },
  ],
  [
    'match by subjects is skipped',
    clusterPolicy({
      match: {
        any: [
          {
            resources: { kinds: ['Deployment'] },
            subjects: [{ kind: 'User', name: 'x' }],
          },
        ],
      },
      ...teamLabel,
    }),
    deployment(),
    { skipped: 'subjects' },
  ],
];

/** What `check` and `skipped` must hold for a case: one finding / one skipped entry, or none. */
function expectedFindings({ violation, skipped }: Expect) {
  return {
    violations: violation
      ? [
          expect.objectContaining({
            rule: 'kyverno',
            policy: 'ClusterPolicy/require-team/check-team',
            severity: violation[0],
            message: expect.stringContaining(violation[1]),
          }),
        ]
      : [],
    skipped: skipped
      ? [
          expect.objectContaining({
            policy: 'ClusterPolicy/require-team/check-team',
            reason: expect.stringContaining(skipped),
          }),
        ]
      : [],
  };
}

describe('Kyverno policies', () => {
  it.each(CASES)('%s', (_, policy, target, expected) => {
    expect(evaluate(policy, target)).toEqual(expectedFindings(expected));
  });

  it('a namespaced Policy only applies in its namespace', () => {
    const policy = {
      ...clusterPolicy({ ...matchKinds(['Deployment']), ...teamLabel }),
      kind: 'Policy',
    };
    (policy as any).metadata.namespace = 'other';
    expect(evaluate(policy, deployment()).violations).toEqual([]);
  });
});
