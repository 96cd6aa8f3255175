import { describeWithEstate } from '@internal/estate-fixtures';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../objects';
import { ManifestObject } from '../types';
import { createSchemaValidator } from './createSchemaValidator';
import { namespacedCrd } from '../../__testUtils__/crds';

const meta = { name: 'web' };
const containers = [{ name: 'web', image: 'web:1' }];
const deployment = (spec: object) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta,
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
    ...spec,
  },
});

/** A CRD as the Kubernetes docs' CronTab example shapes it, with each x-kubernetes extension. */
const widgetCrd = namespacedCrd({
  group: 'example.com',
  kind: 'Widget',
  plural: 'widgets',
  spec: {
    type: 'object',
    required: ['size'],
    properties: {
      size: { type: 'integer', minimum: 1 },
      port: { 'x-kubernetes-int-or-string': true },
      values: {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      },
      template: {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        properties: { spec: { type: 'object' } },
        'x-kubernetes-preserve-unknown-fields': true,
      },
      labels: {
        type: 'object',
        additionalProperties: { type: 'string' },
      },
    },
  },
});

const widget = (spec: object) => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: meta,
  spec,
});

const validator = createSchemaValidator({
  crds: [{ crd: widgetCrd, source: 'crds/widgets.yaml' }],
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('createSchemaValidator', () => {
  // Real public estates live outside the repo and are read at test time, never copied in.
  describeWithEstate(
    'flux2-kustomize-helm-example',
    'a public estate (flux2-kustomize-helm-example, read at test time)',
    estate => {
      const objects = yamlFiles(estate).flatMap(file =>
        parseManifests(readFileSync(file, 'utf8'))
          .filter(o => !String(o.apiVersion).startsWith('kustomize.config'))
          .map(object => ({ file: file.slice(estate.length + 1), object })),
      );
      const named = (list: typeof objects) =>
        list.map(({ file, object }) => [
          `${file} ${object.kind}/${object.metadata?.name}`,
          object,
        ]);
      const BUILT_IN = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1'];
      const builtIn = objects.filter(({ object }) =>
        BUILT_IN.includes(object.apiVersion),
      );
      // The estate bootstraps Flux outside Git (gotk-components.yaml is a placeholder): no CRD for its custom kinds.
      const custom = objects.filter(o => !builtIn.includes(o));

      it.each(named(builtIn))(
        '%s passes strict validation',
        (_name, object) => {
          expect(validator.check(object as ManifestObject)).toEqual({
            checked: true,
            problems: [],
          });
        },
      );

      it.each(named(custom))(
        '%s is reported as not schema-checked',
        (_name, object) => {
          expect(validator.check(object as ManifestObject)).toEqual({
            checked: false,
            reason: expect.stringContaining('not schema-checked'),
          });
        },
      );
    },
  );

  it.each<[string, object]>([
    ['a Deployment', deployment({})],
    [
      'a Deployment with quantities as numbers',
      deployment({
        template: {
          spec: {
            containers: [
              {
                ...containers[0],
                resources: { limits: { cpu: 1, memory: '64Mi' } },
              },
            ],
          },
        },
      }),
    ],
    [
      'a Service with a named targetPort',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta,
        spec: { ports: [{ port: 80, targetPort: 'http' }] },
      },
    ],
    [
      'a generated manifest with null creationTimestamp',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { ...meta, creationTimestamp: null },
        data: { a: 'b' },
      },
    ],
    [
      'a custom resource with int-or-string, preserved and embedded fields',
      widget({
        size: 2,
        port: 'http',
        values: { anything: { goes: [1, 'two'] } },
        template: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: {},
          extra: 1,
        },
        labels: { team: 'payments' },
      }),
    ],
  ])('accepts %s', (_name, object) => {
    expect(validator.check(object)).toEqual({ checked: true, problems: [] });
  });

  it.each<[string, object, string]>([
    [
      'no apiVersion',
      { kind: 'ConfigMap', metadata: meta },
      'apiVersion: required field missing',
    ],
    [
      'no metadata.name',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} },
      'metadata.name: required field missing',
    ],
    [
      'a non-string label value',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x', labels: { on: true } },
      },
      'metadata.labels.on: must be string',
    ],
    [
      'an unknown field in a container',
      deployment({
        template: {
          spec: {
            containers: [{ ...containers[0], imagePullPolicyy: 'Always' }],
          },
        },
      }),
      'spec.template.spec.containers[0].imagePullPolicyy: unknown field',
    ],
    [
      'an unknown top-level spec field',
      deployment({ replica: 2 }),
      'spec.replica: unknown field',
    ],
    [
      'a Deployment without a selector',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: { template: { spec: { containers } } },
      },
      'spec.selector: required field missing',
    ],
    [
      'a container without a name',
      deployment({
        template: { spec: { containers: [{ image: 'web:1' }] } },
      }),
      'spec.template.spec.containers[0].name: required field missing',
    ],
    [
      'a Service port as a string',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta,
        spec: { ports: [{ port: '80' }] },
      },
      'spec.ports[0].port: must be integer',
    ],
    [
      'replicas as a string',
      deployment({ replicas: 'three' }),
      'spec.replicas: must be integer',
    ],
    [
      'an HPA without maxReplicas',
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta,
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
      },
      'spec.maxReplicas: required field missing',
    ],
    [
      'an unknown CRD field',
      widget({ size: 1, colour: 'red' }),
      'spec.colour: unknown field',
    ],
    [
      'a CRD field of the wrong type',
      widget({ size: 'big' }),
      'spec.size: must be integer',
    ],
    [
      'a CRD field missing',
      widget({ port: 80 }),
      'spec.size: required field missing',
    ],
    [
      'a CRD field out of range',
      widget({ size: 0 }),
      'spec.size: must be >= 1',
    ],
    [
      'a CRD int-or-string given a list',
      widget({ size: 1, port: [80] }),
      'spec.port: must be integer or string',
    ],
    [
      'a CRD map value of the wrong type',
      widget({ size: 1, labels: { team: 1 } }),
      'spec.labels.team: must be string',
    ],
    [
      "an unknown field in a custom resource's metadata",
      {
        ...widget({ size: 1 }),
        metadata: { name: 'w', labelz: {} },
      },
      'metadata.labelz: unknown field',
    ],
  ])('rejects %s, naming the field', (_name, object, problem) => {
    const outcome = validator.check(object);
    expect(outcome.checked && outcome.problems).toContain(problem);
  });

  it.each<[string, object]>([
    [
      'a kind no CRD defines',
      { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: meta },
    ],
    [
      'a CRD version that is not served',
      { ...widget({ size: 1 }), apiVersion: 'example.com/v2' },
    ],
    [
      'a custom group reusing a built-in kind name',
      { apiVersion: 'example.com/v1', kind: 'Lease', metadata: meta },
    ],
  ])('reports %s as not schema-checked', (_name, object) => {
    expect(validator.check(object)).toEqual({
      checked: false,
      reason: expect.stringContaining('not schema-checked'),
    });
  });
});
