import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { fetchClusterEstates } from '@gitops-portal/plugin-gitops-node';
import { AddressInfo } from 'node:net';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { startBackend } from './__testUtils__/backend';
import {
  clusterConfigEntry,
  crdsOf,
  startClusters,
} from './__testUtils__/clusters';
import { clusterPolicyCrd, requireLabelPolicy } from './__testUtils__/kyverno';

/** `GET /validation-estate`: the target clusters' CRDs and policies, for backend plugins only. */
describe('GET /validation-estate', () => {
  let emulator: KubeEmulator;

  beforeAll(async () => {
    emulator = await startClusters(['dev', 'prod', 'staging'], {
      crds: false,
    });
    emulator
      .cluster('dev')
      .apply([
        clusterPolicyCrd(),
        requireLabelPolicy('team', 'team label required'),
      ]);
  });
  afterAll(() => emulator.close());

  async function ask(
    environment: string,
    authorization: string,
    gitops: Record<string, unknown> = {},
  ) {
    const { backend, server } = await startBackend(emulator, {
      gitops: {
        clusters: [
          clusterConfigEntry(emulator.cluster('dev'), 'dev'),
          clusterConfigEntry(emulator.cluster('prod'), 'prod'),
          clusterConfigEntry(emulator.cluster('staging'), 'staging'),
        ],
        ...gitops,
      },
    });
    try {
      return await request(server)
        .get('/api/gitops/validation-estate')
        .query({ environment })
        .set('authorization', authorization);
    } finally {
      await backend.stop();
    }
  }

  it("serves a backend plugin the environment's CRDs and policies, read from its clusters", async () => {
    const res = await ask('dev', mockCredentials.service.header());

    expect(res.status).toBe(200);
    expect(res.body.estates).toHaveLength(1);
    const [estate] = res.body.estates;
    expect(estate.cluster).toBe('dev');
    expect(estate.crds.map((c: any) => c.metadata.name)).toEqual([
      'clusterpolicies.kyverno.io',
    ]);
    expect(
      estate.policyObjects
        .filter((o: any) => o.kind !== 'Namespace')
        .map((o: any) => `${o.apiVersion} ${o.kind}/${o.metadata.name}`),
    ).toEqual(['kyverno.io/v1 ClusterPolicy/require-team']);
  });

  it('reads the params a binding points at, by name, and never a Secret', async () => {
    // The emulator does not serve admissionregistration.k8s.io itself: these CRDs stand in for the built-in kinds.
    const vapKinds = crdsOf([
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingAdmissionPolicy',
        plural: 'validatingadmissionpolicies',
      },
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingAdmissionPolicyBinding',
        plural: 'validatingadmissionpolicybindings',
      },
    ]).map(crd => ({ ...crd, spec: { ...crd.spec, scope: 'Cluster' } }));
    const policy = (name: string, paramKind: object) => ({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: { paramKind, validations: [{ expression: 'true' }] },
    });
    const binding = (name: string, paramRef: object) => ({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: { policyName: name, paramRef, validationActions: ['Deny'] },
    });
    emulator.cluster('staging').apply([
      ...vapKinds,
      policy('replica-limit', { apiVersion: 'v1', kind: 'ConfigMap' }),
      binding('replica-limit', { name: 'limits', namespace: 'shop' }),
      policy('token-check', { apiVersion: 'v1', kind: 'Secret' }),
      binding('token-check', { name: 'token', namespace: 'shop' }),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'limits', namespace: 'shop' },
        data: { max: '5' },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'unrelated', namespace: 'shop' },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'token', namespace: 'shop' },
        data: { value: 'c2VjcmV0' },
      },
    ]);

    const res = await ask('staging', mockCredentials.service.header());

    const kinds = res.body.estates[0].policyObjects
      .filter((o: any) => o.kind !== 'Namespace')
      .map((o: any) => `${o.kind}/${o.metadata.name}`)
      .sort();
    expect(kinds).toEqual([
      'ConfigMap/limits',
      'ValidatingAdmissionPolicy/replica-limit',
      'ValidatingAdmissionPolicy/token-check',
      'ValidatingAdmissionPolicyBinding/replica-limit',
      'ValidatingAdmissionPolicyBinding/token-check',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('c2VjcmV0');
  });

  it('refuses a user token (403), naming who may ask', async () => {
    const res = await ask('dev', mockCredentials.user.header());

    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('service principals');
  });

  it('refuses an environment no cluster belongs to (400 naming the field)', async () => {
    const res = await ask('qa', mockCredentials.service.header());

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('environment');
  });

  it('says which cluster estate could not be read when its cluster is down', async () => {
    const prod = emulator.cluster('prod');
    await prod.stop();
    try {
      const res = await ask('prod', mockCredentials.service.header());

      expect(res.status).toBe(200);
      expect(res.body.estates).toEqual([
        { cluster: 'prod', unavailable: expect.any(String) },
      ]);
    } finally {
      await prod.start();
    }
  });

  describe("the scaffolder module's client (fetchClusterEstates)", () => {
    const discoveryAt = (baseUrl: string) => ({
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    });

    it('gets the same estates with its own service token', async () => {
      const { backend, server } = await startBackend(emulator, {
        gitops: {
          clusters: [clusterConfigEntry(emulator.cluster('dev'), 'dev')],
        },
      });
      try {
        const { port } = server.address() as AddressInfo;
        const estates = await fetchClusterEstates(
          {
            discovery: discoveryAt(`http://localhost:${port}/api/gitops`),
            auth: mockServices.auth(),
          },
          ['dev'],
        );
        expect(estates).toEqual([
          expect.objectContaining({
            cluster: 'dev',
            crds: [
              expect.objectContaining({
                metadata: expect.objectContaining({
                  name: 'clusterpolicies.kyverno.io',
                }),
              }),
            ],
          }),
        ]);
      } finally {
        await backend.stop();
      }
    });

    it('never throws when the gitops backend cannot be asked: the environment comes back unavailable', async () => {
      const estates = await fetchClusterEstates(
        {
          discovery: discoveryAt('http://127.0.0.1:9/api/gitops'),
          auth: mockServices.auth(),
        },
        ['dev'],
      );
      expect(estates).toEqual([
        {
          cluster: '(environment dev)',
          unavailable: expect.stringContaining(
            'the gitops backend could not be asked',
          ),
        },
      ]);
    });
  });
});
