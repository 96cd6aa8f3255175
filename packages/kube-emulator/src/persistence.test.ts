import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitopsCrds } from './crds';
import { startKubeEmulator } from './emulator';
import { KubeEmulator } from './types';
import { waitFor } from './__testUtils__/harness';

describe('persistence and kubeconfig files', () => {
  let dir: string;
  let emulator: KubeEmulator | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kube-emulator-'));
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (port = 0) =>
    startKubeEmulator({
      clusters: [{ name: 'dev', port, token: 'fixed-token' }],
      stateDir: join(dir, 'state'),
      kubeconfigDir: join(dir, 'kube'),
    });

  it('keeps objects, CRDs and the resourceVersion counter across close and start', async () => {
    emulator = await start();
    const dev = emulator.cluster('dev');
    dev.apply(gitopsCrds());
    const [app] = dev.apply({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
      spec: { x: 1 },
      status: { s: 1 },
    });
    await emulator.close();
    emulator = await start();
    const restored = emulator
      .cluster('dev')
      .get('argoproj.io/v1alpha1', 'Application', 'a', 'argocd');
    expect(restored).toEqual(app);
    const [next] = emulator.cluster('dev').apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'after' },
    });
    expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(
      Number(app.metadata.resourceVersion),
    );
  });

  it('saves changes made over the API without waiting for close', async () => {
    emulator = await start();
    const kc = new KubeConfig();
    kc.loadFromString(emulator.cluster('dev').kubeconfig());
    await kc.makeApiClient(CoreV1Api).createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'via-api' } },
    });
    const file = join(dir, 'state', 'dev.json');
    const saved = await waitFor('the state file to hold the new object', () => {
      const state = JSON.parse(readFileSync(file, 'utf8'));
      return state.objects.find(
        (o: { metadata: { name: string } }) => o.metadata.name === 'via-api',
      );
    });
    expect(saved).toMatchObject({
      kind: 'ConfigMap',
      metadata: { namespace: 'default' },
    });
  });

  it('writes a kubeconfig file that client-node loads and uses', async () => {
    emulator = await start();
    const dev = emulator.cluster('dev');
    expect(dev.kubeconfigPath).toBe(join(dir, 'kube', 'dev.kubeconfig.yaml'));
    const kc = new KubeConfig();
    kc.loadFromFile(dev.kubeconfigPath!);
    expect(kc.getCurrentContext()).toBe('dev');
    expect(kc.getCurrentCluster()).toMatchObject({
      server: dev.url,
      skipTLSVerify: true,
    });
    const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map(n => n.metadata?.name)).toContain('default');
  });

  it('keeps the kubeconfig file readable by the owner only', async () => {
    emulator = await start();
    expect(statSync(emulator.cluster('dev').kubeconfigPath!).mode & 0o077).toBe(
      0,
    );
  });

  it('rewrites the kubeconfig file when the token changes', async () => {
    emulator = await start();
    const dev = emulator.cluster('dev');
    dev.setToken('second-token');
    const kc = new KubeConfig();
    kc.loadFromFile(dev.kubeconfigPath!);
    expect(kc.getCurrentUser()?.token).toBe('second-token');
  });
});
