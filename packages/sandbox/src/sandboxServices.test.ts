import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadDemoServices } from './demo/demoServices';
import { CHART_SERVICE } from './demo/chartService';
import { CONFIG_REPO } from './demo/environments';
import { SandboxServices, startSandboxServices } from './sandboxServices';

const RANDOM_PORTS = { github: 0, kubeControl: 0, kubeFirstCluster: 0 };
const services = loadDemoServices();
let stateDir: string;
let sandbox: SandboxServices;

function headOf(s: SandboxServices) {
  return execFileSync('git', ['rev-parse', 'refs/heads/main'], {
    cwd: s.github.repoPath(CONFIG_REPO.owner, CONFIG_REPO.repo),
    encoding: 'utf8',
  }).trim();
}

function argoApps(s: SandboxServices, cluster: string) {
  const kc = new KubeConfig();
  kc.loadFromString(s.kube.cluster(cluster).kubeconfig());
  return kc
    .makeApiClient(CustomObjectsApi)
    .listNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'argocd',
      plural: 'applications',
    })
    .then(list => list.items as any[]);
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  sandbox = await startSandboxServices(stateDir, RANDOM_PORTS);
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('startSandboxServices', () => {
  it('seeds the config repo, which git can clone over HTTP', async () => {
    const checkout = join(stateDir, 'checkout');
    // async: the emulator answering the clone runs in this process
    await promisify(execFile)('git', [
      'clone',
      '-q',
      sandbox.github.gitUrl(CONFIG_REPO.owner, CONFIG_REPO.repo),
      checkout,
    ]);
    for (const service of services) {
      expect(
        existsSync(
          join(
            checkout,
            'apps',
            service.name,
            'overlays',
            'prod',
            'kustomization.yaml',
          ),
        ),
      ).toBe(true);
    }
  });

  it.each(['dev', 'staging', 'prod'])(
    'seeds %s with an Argo CD Application per Argo CD service, synced at the config repo head',
    async cluster => {
      // services.yaml's (single-source); the multi-source one is checked below
      const apps = (await argoApps(sandbox, cluster)).filter(
        a => !a.spec.sources,
      );
      const argoServices = services.filter(s => s.engine === 'argocd');
      expect(
        apps.map(a => a.metadata.labels['backstage.io/kubernetes-id']).sort(),
      ).toEqual(argoServices.map(s => s.name).sort());
      expect(new Set(apps.map(a => a.status.sync.revision))).toEqual(
        new Set([headOf(sandbox)]),
      );
    },
  );

  it.each(['dev', 'staging', 'prod'])(
    'seeds %s with the multi-source Application of the chart service: the chart at its version, the values at the head',
    async cluster => {
      const apps = (await argoApps(sandbox, cluster)).filter(
        a => a.spec.sources,
      );
      expect(apps.map(a => [a.metadata.name, a.status.sync.revisions])).toEqual(
        [
          [
            `${CHART_SERVICE.name}-${cluster}`,
            [CHART_SERVICE.chart.targetRevision, headOf(sandbox)],
          ],
        ],
      );
    },
  );

  it('writes a backend config that reaches the GitHub emulator and every cluster', () => {
    const config = parse(readFileSync(sandbox.configPath, 'utf8'));
    expect(config.integrations.github[0].apiBaseUrl).toBe(
      sandbox.github.apiUrl,
    );
    expect(config.gitops.clusters.map((c: { url: string }) => c.url)).toEqual(
      sandbox.kube.clusters.map(c => c.url),
    );
  });

  it('keeps its state across a restart instead of seeding again', async () => {
    const head = headOf(sandbox);
    const dev = sandbox.kube.cluster('dev');
    const [app] = dev.list('argoproj.io/v1alpha1', 'Application', 'argocd');
    dev.apply({
      ...app,
      metadata: { ...app.metadata, annotations: { touched: 'yes' } },
    });
    await sandbox.close();

    sandbox = await startSandboxServices(stateDir, RANDOM_PORTS);
    const kept = sandbox.kube
      .cluster('dev')
      .get('argoproj.io/v1alpha1', 'Application', app.metadata.name!, 'argocd');
    expect(kept?.metadata.annotations).toEqual({ touched: 'yes' });
    expect(headOf(sandbox)).toBe(head);
  });
});
