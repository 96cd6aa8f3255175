import { stringify } from 'yaml';
import { loadEstatePolicies } from './loadEstatePolicies';

/** Fixtures written from the Kubernetes "Validating Admission Policy" documentation, not copied from it. */
const vap = (spec: object, name = 'replica-cap') => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'ValidatingAdmissionPolicy',
  metadata: { name },
  spec: {
    failurePolicy: 'Fail',
    matchConstraints: {
      resourceRules: [
        {
          apiGroups: ['apps'],
          apiVersions: ['v1'],
          operations: ['CREATE', 'UPDATE'],
          resources: ['deployments'],
        },
      ],
    },
    ...spec,
  },
});
const binding = (spec: object = {}, policyName = 'replica-cap') => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  metadata: { name: `${policyName}-binding` },
  spec: { policyName, validationActions: ['Deny'], ...spec },
});
const deployment = (
  over: { replicas?: number; namespace?: string; labels?: object } = {},
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: over.namespace ?? 'shop',
    labels: { app: 'web', ...(over.labels ?? {}) },
  },
  spec: {
    replicas: over.replicas ?? 3,
    template: {
      spec: { containers: [{ name: 'web', image: 'ghcr.io/acme/web:1.0.0' }] },
    },
  },
});
const capAt5 = { validations: [{ expression: 'object.spec.replicas <= 5' }] };

function evaluate(objects: object[], target: object) {
  const policies = loadEstatePolicies({
    'policies/admission.yaml': objects.map(o => stringify(o)).join('---\n'),
  });
  const violations = policies.check(
    target as any,
    'apps/web/base/deployment.yaml',
  );
  return { violations, skipped: policies.skipped, names: policies.names };
}

type Expect = {
  violation?: [severity: string, message: string];
  skipped?: string;
};

const CASES: Array<[string, object[], object, Expect]> = [
  [
    'passes an object the validation accepts',
    [vap(capAt5), binding()],
    deployment(),
    {},
  ],
  [
    'a false validation with Deny is a blocking finding with the default message',
    [vap(capAt5), binding()],
    deployment({ replicas: 9 }),
    { violation: ['error', 'failed Expression: object.spec.replicas <= 5'] },
  ],
  [
    'Warn and Audit are warnings',
    [vap(capAt5), binding({ validationActions: ['Warn', 'Audit'] })],
    deployment({ replicas: 9 }),
    { violation: ['warning', 'failed Expression'] },
  ],
  [
    'message is used when set',
    [
      vap({
        validations: [
          {
            expression: 'object.spec.replicas <= 5',
            message: 'at most 5 replicas',
          },
        ],
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    { violation: ['error', 'at most 5 replicas'] },
  ],
  [
    'messageExpression wins over message',
    [
      vap({
        validations: [
          {
            expression: 'object.spec.replicas <= 5',
            message: 'static',
            messageExpression:
              "'replicas ' + string(object.spec.replicas) + ' > 5'",
          },
        ],
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    { violation: ['error', 'replicas 9 > 5'] },
  ],
  [
    'an object outside resourceRules is not checked',
    [vap(capAt5), binding()],
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'shop' },
      spec: { replicas: 9 },
    },
    {},
  ],
  [
    'excludeResourceRules leave an object out',
    [
      vap({
        ...capAt5,
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: ['*'],
              apiVersions: ['*'],
              operations: ['*'],
              resources: ['*'],
            },
          ],
          excludeResourceRules: [
            {
              apiGroups: ['apps'],
              apiVersions: ['v1'],
              operations: ['*'],
              resources: ['deployments'],
            },
          ],
        },
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    {},
  ],
  [
    'objectSelector on the binding selects by the object labels',
    [
      vap(capAt5),
      binding({
        matchResources: {
          objectSelector: { matchLabels: { tier: 'critical' } },
        },
      }),
    ],
    deployment({ replicas: 9 }),
    {},
  ],
  [
    'namespaceSelector on kubernetes.io/metadata.name is decidable',
    [
      vap(capAt5),
      binding({
        matchResources: {
          namespaceSelector: {
            matchExpressions: [
              {
                key: 'kubernetes.io/metadata.name',
                operator: 'In',
                values: ['shop'],
              },
            ],
          },
        },
      }),
    ],
    deployment({ replicas: 9 }),
    { violation: ['error', 'failed Expression'] },
  ],
  [
    'namespaceSelector on a label of a namespace the repo declares',
    [
      vap(capAt5),
      binding({
        matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } },
      }),
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'shop', labels: { env: 'prod' } },
      },
    ],
    deployment({ replicas: 9 }),
    { violation: ['error', 'failed Expression'] },
  ],
  [
    'namespaceSelector on a label of an unknown namespace is skipped',
    [
      vap(capAt5),
      binding({
        matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } },
      }),
    ],
    deployment({ replicas: 9 }),
    { skipped: 'the labels of namespace shop are not in the config repo' },
  ],
  [
    'a false matchCondition leaves the object out',
    [
      vap({
        ...capAt5,
        matchConditions: [
          {
            name: 'only-prod',
            expression: "object.metadata.namespace == 'prod'",
          },
        ],
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    {},
  ],
  [
    'variables are readable as variables.<name>',
    [
      vap({
        variables: [{ name: 'cap', expression: '5' }],
        validations: [{ expression: 'object.spec.replicas <= variables.cap' }],
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    { violation: ['error', 'variables.cap'] },
  ],
  [
    'params from a ConfigMap in the repo',
    [
      vap({
        paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
        validations: [
          {
            expression: 'object.spec.replicas <= int(params.data.maxReplicas)',
          },
        ],
      }),
      binding({
        paramRef: {
          name: 'limits',
          namespace: 'policy',
          parameterNotFoundAction: 'Deny',
        },
      }),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'limits', namespace: 'policy' },
        data: { maxReplicas: '2' },
      },
    ],
    deployment({ replicas: 3 }),
    { violation: ['error', 'params.data.maxReplicas'] },
  ],
  [
    'params not in the repo: skipped, never passed',
    [
      vap({ paramKind: { apiVersion: 'v1', kind: 'ConfigMap' }, ...capAt5 }),
      binding({
        paramRef: {
          name: 'limits',
          namespace: 'policy',
          parameterNotFoundAction: 'Deny',
        },
      }),
    ],
    deployment({ replicas: 9 }),
    { skipped: 'its params (ConfigMap limits) are not in the config repo' },
  ],
  [
    'oldObject is null: we evaluate as CREATE',
    [
      vap({
        validations: [
          { expression: 'oldObject == null && request.operation == "CREATE"' },
        ],
      }),
      binding(),
    ],
    deployment(),
    {},
  ],
  [
    'a runtime error with failurePolicy Fail is a finding',
    [
      vap({ validations: [{ expression: 'object.spec.paused == false' }] }),
      binding(),
    ],
    deployment(),
    { violation: ['error', 'failed to evaluate: field not found: paused'] },
  ],
  [
    'a runtime error with failurePolicy Ignore is skipped, named',
    [
      vap({
        failurePolicy: 'Ignore',
        validations: [{ expression: 'object.spec.paused == false' }],
      }),
      binding(),
    ],
    deployment(),
    { skipped: 'failed to evaluate (failurePolicy Ignore)' },
  ],
  [
    'a Kubernetes CEL library function the library lacks is skipped, named',
    [
      vap({
        validations: [
          {
            expression:
              "object.spec.template.spec.containers.all(c, isQuantity('1'))",
          },
        ],
      }),
      binding(),
    ],
    deployment(),
    { skipped: 'lacks the Kubernetes function isQuantity()' },
  ],
  [
    'the authorizer is skipped',
    [
      vap({
        validations: [
          {
            expression:
              "authorizer.group('apps').resource('deployments').check('create').allowed()",
          },
        ],
      }),
      binding(),
    ],
    deployment(),
    { skipped: 'asks the authorizer' },
  ],
  [
    'rules that match only UPDATE are skipped',
    [
      vap({
        ...capAt5,
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: ['apps'],
              apiVersions: ['v1'],
              operations: ['UPDATE'],
              resources: ['deployments'],
            },
          ],
        },
      }),
      binding(),
    ],
    deployment({ replicas: 9 }),
    { skipped: 'match no CREATE' },
  ],
  [
    'a policy without a binding is skipped',
    [vap(capAt5)],
    deployment({ replicas: 9 }),
    { skipped: 'no ValidatingAdmissionPolicyBinding' },
  ],
  [
    'string extension functions work',
    [
      vap({
        validations: [
          {
            expression:
              "object.metadata.name.lowerAscii() == 'web' && object.spec.template.spec.containers.all(c, c.image.split(':').size() == 2)",
          },
        ],
      }),
      binding(),
    ],
    deployment(),
    {},
  ],
  [
    'has() and exists() work',
    [
      vap({
        validations: [
          {
            expression:
              'object.spec.template.spec.containers.exists(c, has(c.resources))',
          },
        ],
      }),
      binding(),
    ],
    deployment(),
    { violation: ['error', 'failed Expression'] },
  ],
];

/** What `check` and `skipped` must hold for a case: one finding / one skipped entry, or none. */
function expectedFindings({ violation, skipped }: Expect) {
  return {
    violations: violation
      ? [
          expect.objectContaining({
            rule: 'validating-admission-policy',
            policy: expect.stringMatching(
              /^ValidatingAdmissionPolicy\/replica-cap/,
            ),
            severity: violation[0],
            message: expect.stringContaining(violation[1]),
            file: 'apps/web/base/deployment.yaml',
            object: 'Deployment/web',
          }),
        ]
      : [],
    skipped: skipped
      ? [
          expect.objectContaining({
            policy: expect.stringContaining(
              'ValidatingAdmissionPolicy/replica-cap',
            ),
            file: 'policies/admission.yaml',
            reason: expect.stringContaining(skipped),
          }),
        ]
      : [],
  };
}

describe('ValidatingAdmissionPolicy', () => {
  it.each(CASES)('%s', (_, objects, target, expected) => {
    const { violations, skipped } = evaluate(objects, target);
    expect({ violations, skipped }).toEqual(expectedFindings(expected));
  });

  it('never computes the message of a Secret from the object (it could print its values)', () => {
    const policy = vap({
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ['CREATE'],
            resources: ['secrets'],
          },
        ],
      },
      validations: [
        {
          expression: "!has(object.data) || !('password' in object.data)",
          messageExpression: "'found ' + string(object.data.password)",
        },
      ],
    });
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'shop' },
      data: { password: 'aHVudGVyMi12YWx1ZQ==' },
    };
    const { violations } = evaluate([policy, binding()], secret);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).not.toContain('aHVudGVyMi12YWx1ZQ==');
  });

  it('names each evaluated policy with its binding', () => {
    expect(evaluate([vap(capAt5), binding()], deployment()).names).toEqual([
      'ValidatingAdmissionPolicy/replica-cap (binding replica-cap-binding)',
    ]);
  });
});
