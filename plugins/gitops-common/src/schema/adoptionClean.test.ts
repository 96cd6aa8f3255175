import {
  ADD_SECRET_TEMPLATE,
  adoptionRefusal,
  cleanLiveManifest,
} from './adoptionClean';
import { LAST_APPLIED_ANNOTATION } from './liveDiffNormalize';

/*
 * Each case: one thing the API server or a controller adds to a live object, as `kubectl get -o yaml` shows it,
 * and whether cleaning drops it. Defaults are Kubernetes' documented ones (core/v1, apps/v1, batch/v1 defaulting);
 * a value that differs from the default is the user's and stays.
 */

type Manifest = Record<string, any>;

/** A Deployment as its author wrote it: what cleaning must give back. */
const authored = (): Manifest => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'legacy', namespace: 'brown', labels: { app: 'legacy' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'legacy' } },
    template: {
      metadata: { labels: { app: 'legacy' } },
      spec: {
        containers: [
          {
            name: 'legacy',
            image: 'ghcr.io/acme/legacy:2.1.0',
            ports: [{ containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
          },
        ],
      },
    },
  },
});

/** The authored Deployment with `change` applied to a copy. */
const deployment = (change: (d: Manifest) => void): Manifest => {
  const d = authored();
  change(d);
  return d;
};

const podSpec = (d: Manifest) => d.spec.template.spec;
const container = (d: Manifest) => d.spec.template.spec.containers[0];

describe('cleanLiveManifest', () => {
  it.each<[string, (d: Manifest) => void]>([
    ['status', d => (d.status = { replicas: 2, readyReplicas: 2 })],
    ['metadata.uid', d => (d.metadata.uid = '5b6c1e0e-1d1a-4a57-9d86')],
    ['metadata.resourceVersion', d => (d.metadata.resourceVersion = '4711')],
    ['metadata.generation', d => (d.metadata.generation = 3)],
    [
      'metadata.creationTimestamp',
      d => (d.metadata.creationTimestamp = '2026-01-01T00:00:00Z'),
    ],
    ['metadata.selfLink', d => (d.metadata.selfLink = '/apis/apps/v1/x')],
    [
      'metadata.managedFields',
      d =>
        (d.metadata.managedFields = [
          { manager: 'kubectl', operation: 'Update', fieldsV1: {} },
        ]),
    ],
    [
      'metadata.ownerReferences',
      d =>
        (d.metadata.ownerReferences = [
          { apiVersion: 'v1', kind: 'Thing', name: 'x', uid: 'u' },
        ]),
    ],
    [
      'the last-applied annotation',
      d => (d.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: '{"a":1}' }),
    ],
    [
      'the Deployment revision annotation',
      d =>
        (d.metadata.annotations = { 'deployment.kubernetes.io/revision': '4' }),
    ],
    [
      'the default strategy (RollingUpdate 25%/25%)',
      d =>
        (d.spec.strategy = {
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
          type: 'RollingUpdate',
        }),
    ],
    ['revisionHistoryLimit 10', d => (d.spec.revisionHistoryLimit = 10)],
    [
      'progressDeadlineSeconds 600',
      d => (d.spec.progressDeadlineSeconds = 600),
    ],
    [
      'the template’s creationTimestamp: null',
      d => (d.spec.template.metadata.creationTimestamp = null),
    ],
    ['dnsPolicy ClusterFirst', d => (podSpec(d).dnsPolicy = 'ClusterFirst')],
    ['restartPolicy Always', d => (podSpec(d).restartPolicy = 'Always')],
    [
      'schedulerName default-scheduler',
      d => (podSpec(d).schedulerName = 'default-scheduler'),
    ],
    ['securityContext {}', d => (podSpec(d).securityContext = {})],
    [
      'terminationGracePeriodSeconds 30',
      d => (podSpec(d).terminationGracePeriodSeconds = 30),
    ],
    [
      'terminationMessagePath /dev/termination-log',
      d => (container(d).terminationMessagePath = '/dev/termination-log'),
    ],
    [
      'terminationMessagePolicy File',
      d => (container(d).terminationMessagePolicy = 'File'),
    ],
    [
      'imagePullPolicy IfNotPresent for a tagged image',
      d => (container(d).imagePullPolicy = 'IfNotPresent'),
    ],
    [
      'imagePullPolicy Always for an image tagged latest',
      d => {
        container(d).image = 'ghcr.io/acme/legacy:latest';
        container(d).imagePullPolicy = 'Always';
      },
    ],
    ['resources {}', d => (container(d).resources = {})],
    [
      'a container port’s protocol TCP',
      d => (container(d).ports[0].protocol = 'TCP'),
    ],
    [
      'a probe’s defaults (timeout 1, period 10, thresholds 1/3, scheme HTTP)',
      d =>
        Object.assign(container(d).readinessProbe, {
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
          httpGet: { ...container(d).readinessProbe.httpGet, scheme: 'HTTP' },
        }),
    ],
  ])('drops %s', (_what, addedByTheServer) => {
    const live = deployment(addedByTheServer);
    const expected = authored();
    if (live.spec.template.spec.containers[0].image.endsWith(':latest')) {
      expected.spec.template.spec.containers[0].image =
        'ghcr.io/acme/legacy:latest';
    }
    expect(cleanLiveManifest(live)).toEqual(expected);
  });

  it.each<[string, (d: Manifest) => void]>([
    ['revisionHistoryLimit 3', d => (d.spec.revisionHistoryLimit = 3)],
    ['a Recreate strategy', d => (d.spec.strategy = { type: 'Recreate' })],
    [
      'imagePullPolicy Always for a tagged image',
      d => (container(d).imagePullPolicy = 'Always'),
    ],
    [
      'terminationGracePeriodSeconds 60',
      d => (podSpec(d).terminationGracePeriodSeconds = 60),
    ],
    [
      'a non-empty securityContext',
      d => (podSpec(d).securityContext = { runAsNonRoot: true }),
    ],
    ['a user annotation', d => (d.metadata.annotations = { team: 'brown' })],
  ])('keeps %s (not the default)', (_what, chosenByTheUser) => {
    const live = deployment(chosenByTheUser);
    expect(cleanLiveManifest(live)).toEqual(deployment(chosenByTheUser));
  });

  const service = (spec: Manifest): Manifest => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'legacy', namespace: 'brown' },
    spec: { selector: { app: 'legacy' }, ...spec },
  });

  it.each<[string, Manifest, Manifest]>([
    [
      'the allocated clusterIP(s), single-stack ipFamilies and the defaults',
      {
        clusterIP: '10.96.0.17',
        clusterIPs: ['10.96.0.17'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
      { ports: [{ port: 80, targetPort: 8080 }] },
    ],
    [
      'a targetPort equal to the port',
      { ports: [{ name: 'http', port: 8080, targetPort: 8080 }] },
      { ports: [{ name: 'http', port: 8080 }] },
    ],
    [
      'nothing of a headless Service’s clusterIP None',
      { clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }] },
      { clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }] },
    ],
    [
      'nothing of a dual-stack Service’s families',
      {
        ipFamilies: ['IPv4', 'IPv6'],
        ipFamilyPolicy: 'PreferDualStack',
        ports: [{ port: 80, protocol: 'UDP' }],
      },
      {
        ipFamilies: ['IPv4', 'IPv6'],
        ipFamilyPolicy: 'PreferDualStack',
        ports: [{ port: 80, protocol: 'UDP' }],
      },
    ],
  ])('a Service: drops %s', (_what, live, expected) => {
    expect(cleanLiveManifest(service(live))).toEqual(service(expected));
  });

  it('does not change its input', () => {
    const live = deployment(d => (d.status = { replicas: 2 }));
    cleanLiveManifest(live);
    expect(live.status).toEqual({ replicas: 2 });
  });

  it('leaves a ConfigMap’s data as it is', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'legacy-settings', namespace: 'brown' },
      data: { mode: 'fast', resources: '{}' },
    };
    expect(
      cleanLiveManifest({
        ...configMap,
        metadata: { ...configMap.metadata, uid: 'u', resourceVersion: '1' },
      }),
    ).toEqual(configMap);
  });
});

describe('adoptionRefusal', () => {
  it('refuses a Secret, naming it and pointing at the add-secret template', () => {
    const refusal = adoptionRefusal({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'legacy-db', namespace: 'brown' },
      data: { password: 'c2VjcmV0' },
    });
    expect(refusal).toContain('Secret brown/legacy-db is not adopted');
    expect(refusal).toContain(ADD_SECRET_TEMPLATE);
    expect(refusal).not.toContain('c2VjcmV0');
  });

  it.each([
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap' }],
    [
      'a custom kind named Secret',
      { apiVersion: 'acme.io/v1', kind: 'Secret' },
    ],
  ])('adopts %s', (_what, object) => {
    expect(
      adoptionRefusal({ ...object, metadata: { name: 'x' } }),
    ).toBeUndefined();
  });
});
