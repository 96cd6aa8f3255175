import { stringify } from 'yaml';
import { ClusterEstate } from './clusterEstate';
import { validateConfigRepoChange } from './validateConfigRepoChange';
import { namespacedCrd } from '../__testUtils__/crds';

const gadgetCrd = namespacedCrd({
  group: 'example.com',
  kind: 'Gadget',
  plural: 'gadgets',
  spec: {
    type: 'object',
    properties: { size: { type: 'integer' } },
  },
});

const gadget = (spec: object) => ({
  apiVersion: 'example.com/v1',
  kind: 'Gadget',
  metadata: { name: 'g', namespace: 'shop', labels: { team: 'a' } },
  spec,
});

/** A ValidatingAdmissionPolicy (and binding) that exists only on the cluster. */
const clusterPolicy = [
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'small-gadgets' },
    spec: {
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: ['example.com'],
            apiVersions: ['v1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['gadgets'],
          },
        ],
      },
      validations: [
        { expression: 'object.spec.size <= 3', message: 'gadgets are small' },
      ],
    },
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'small-gadgets' },
    spec: { policyName: 'small-gadgets', validationActions: ['Deny'] },
  },
];

const validate = (
  files: Record<string, object[]>,
  clusterEstates?: ClusterEstate[],
) =>
  validateConfigRepoChange({
    checkoutFiles: Object.fromEntries(
      Object.entries(files).map(([path, objects]) => [
        path,
        objects.map(o => stringify(o)).join('---\n'),
      ]),
    ),
    touchedOverlays: [],
    manifestFiles: Object.keys(files),
    clusterEstates,
  });

describe('validateConfigRepoChange: schema and the target cluster estate', () => {
  it.each<[string, Record<string, object[]>, ClusterEstate[] | undefined]>([
    [
      'a CRD in the change',
      {
        'crds/gadgets.yaml': [gadgetCrd],
        'clusters/dev/g.yaml': [gadget({ size: 1, colour: 'red' })],
      },
      undefined,
    ],
    [
      'a CRD read from the target cluster',
      { 'clusters/dev/g.yaml': [gadget({ size: 1, colour: 'red' })] },
      [{ cluster: 'dev', crds: [gadgetCrd], policyObjects: [] }],
    ],
  ])(
    'checks a custom kind strictly against %s',
    async (_name, files, estates) => {
      const result = await validate(files, estates);
      expect(result.violations).toEqual([
        expect.objectContaining({
          file: 'clusters/dev/g.yaml',
          object: 'Gadget/g',
          rule: 'schema',
          message: 'Gadget/g spec.colour: unknown field',
        }),
      ]);
    },
  );

  it('lists a kind no schema knows as not schema-checked, by kind, and does not fail on it', async () => {
    const result = await validate({
      'clusters/dev/g.yaml': [gadget({ size: 1 })],
    });
    expect(result.ok).toBe(true);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        policy: 'schema example.com/v1 Gadget',
        file: 'clusters/dev/g.yaml',
        reason: expect.stringContaining('not schema-checked'),
      }),
    ]);
  });

  it('lists a CRD validation rule it cannot evaluate, by rule, and blocks on one that fails', async () => {
    const withRules = structuredClone(gadgetCrd) as any;
    withRules.spec.versions[0].schema.openAPIV3Schema.properties.spec[
      'x-kubernetes-validations'
    ] = [
      { rule: 'self.size < 10', message: 'gadgets stay small' },
      { rule: "self.size > 0 && url('https://x').getHost() != ''" },
    ];
    const result = await validate({
      'crds/gadgets.yaml': [withRules],
      'clusters/dev/g.yaml': [gadget({ size: 12 })],
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'schema',
        message: 'Gadget/g spec: gadgets stay small',
      }),
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        policy: `CRD rule of example.com/v1 Gadget: self.size > 0 && url('https://x').getHost() != ''`,
        reason: expect.stringContaining('not evaluated'),
      }),
    ]);
  });

  it('evaluates a policy that exists only on the target cluster', async () => {
    const result = await validate(
      { 'clusters/dev/g.yaml': [gadget({ size: 5 })] },
      [{ cluster: 'dev', crds: [gadgetCrd], policyObjects: clusterPolicy }],
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'validating-admission-policy',
        message: expect.stringContaining('gadgets are small'),
      }),
    ]);
  });

  it('says which cluster estate could not be read', async () => {
    const result = await validate(
      { 'clusters/dev/g.yaml': [gadget({ size: 1 })] },
      [{ cluster: 'prod-eu', unavailable: 'the cluster is not reachable' }],
    );
    expect(result.notes).toEqual([
      expect.stringContaining(
        'cluster prod-eu (CRDs, policies) could not be read: the cluster is not reachable',
      ),
    ]);
  });
});
