import { createSchemaValidator } from './createSchemaValidator';
import { namespacedCrd } from '../../__testUtils__/crds';

/**
 * A CRD with validation rules as the Kubernetes "Validation rules" documentation writes them
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules).
 */
const crd = namespacedCrd({
  group: 'stable.example.com',
  kind: 'CronTab',
  plural: 'crontabs',
  spec: {
    type: 'object',
    'x-kubernetes-validations': [
      {
        rule: 'self.minReplicas <= self.replicas',
        message: 'replicas should be greater than or equal to minReplicas.',
      },
      { rule: 'self.replicas <= self.maxReplicas' },
      // A transition rule: evaluated on updates only.
      { rule: 'self.replicas >= oldSelf.replicas' },
      // A Kubernetes CEL library the evaluator does not have.
      {
        rule: "quantity(self.memory).isGreaterThan(quantity('1Mi'))",
      },
    ],
    properties: {
      replicas: { type: 'integer' },
      minReplicas: { type: 'integer' },
      maxReplicas: { type: 'integer' },
      memory: { type: 'string' },
      hosts: {
        type: 'array',
        items: {
          type: 'string',
          'x-kubernetes-validations': [
            {
              rule: "self.endsWith('.example.com')",
              message: 'hosts are ours',
            },
          ],
        },
      },
    },
  },
});

const cronTab = (spec: object) => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name: 'c' },
  spec: { replicas: 2, minReplicas: 1, maxReplicas: 3, memory: '2Mi', ...spec },
});

const validator = createSchemaValidator({
  crds: [{ crd, source: 'crds/crontab.yaml' }],
});
const check = (spec: object) => validator.check(cronTab(spec));

describe("a CRD's x-kubernetes-validations rules", () => {
  it('pass a conforming object, listing the rule they cannot evaluate and skipping the transition rule', () => {
    expect(check({ hosts: ['a.example.com'] })).toEqual({
      checked: true,
      problems: [],
      notEvaluated: [
        {
          rule: "quantity(self.memory).isGreaterThan(quantity('1Mi'))",
          reason: expect.stringContaining('the CEL library lacks'),
        },
      ],
    });
  });

  it.each<[string, object, string]>([
    [
      'a rule with a message',
      { minReplicas: 3 },
      'spec: replicas should be greater than or equal to minReplicas.',
    ],
    [
      'a rule without a message',
      { maxReplicas: 1 },
      'spec: failed rule: self.replicas <= self.maxReplicas',
    ],
    [
      'a rule on list items',
      { hosts: ['a.example.com', 'evil.test'] },
      'spec.hosts[1]: hosts are ours',
    ],
  ])('fail %s, naming the field', (_name, spec, problem) => {
    const outcome = check(spec);
    expect(outcome.checked && outcome.problems).toEqual([problem]);
  });

  it('run only once the object matches the schema', () => {
    const outcome = check({ replicas: 'two' });
    expect(outcome.checked && outcome.problems).toEqual([
      'spec.replicas: must be integer',
    ]);
  });
});
