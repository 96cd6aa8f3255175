import { schemaProblem } from './schema';

const meta = { name: 'web' };
const containers = [{ name: 'web', image: 'web:1' }];

describe('schemaProblem', () => {
  it.each<[string, object]>([
    [
      'a Deployment',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: { template: { spec: { containers } } },
      },
    ],
    [
      'a Rollout with a workloadRef',
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: meta,
        spec: { workloadRef: { kind: 'Deployment', name: 'web' } },
      },
    ],
    [
      'an unknown kind',
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: meta,
        spec: { anything: 1 },
      },
    ],
    [
      'a Service',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta,
        spec: { ports: [{ port: 80, targetPort: 'http' }] },
      },
    ],
  ])('accepts %s', (_name, object) => {
    expect(schemaProblem(object)).toBeUndefined();
  });

  it.each<[string, object, string]>([
    ['no apiVersion', { kind: 'ConfigMap', metadata: meta }, 'apiVersion'],
    [
      'no metadata.name',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} },
      'metadata.name',
    ],
    [
      'a non-string label value',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x', labels: { on: true } },
      },
      'metadata.labels.on',
    ],
    [
      'a Deployment without containers',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: { template: { spec: { containers: [] } } },
      },
      'spec.template.spec.containers',
    ],
    [
      'a Service port as a string',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta,
        spec: { ports: [{ port: '80' }] },
      },
      'spec.ports.0.port',
    ],
    [
      'an HPA without maxReplicas',
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta,
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
      },
      'spec.maxReplicas',
    ],
  ])('rejects %s, naming the field', (_name, object, field) => {
    expect(schemaProblem(object)).toContain(field);
  });
});
