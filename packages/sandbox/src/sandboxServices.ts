import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_KUBECTL } from './sandboxKubectl';
import { stringify } from 'yaml';
import { KubeEmulator, startKubeEmulator } from '@internal/kube-emulator';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { startGitopsOperator } from './operator/gitopsOperator';
import { GitopsOperator, GitopsOperatorOptions } from './operator/types';
import { demoEstate } from './demo/demoEstate';
import type { SandboxEstate } from './sandboxEstate';

export interface SandboxPorts {
  github: number;
  kubeControl: number;
  /** First cluster port; the environments take consecutive ports in promotion order. */
  kubeFirstCluster: number;
  /** The portal's port when it is not app-config's 7007 (a second sandbox beside the first). */
  portal?: number;
}

export const DEFAULT_PORTS: SandboxPorts = {
  github: 7100,
  kubeControl: 6400,
  kubeFirstCluster: 6443,
};

/** The default ports moved by `offset` (SANDBOX_PORT_OFFSET), so a second sandbox can run beside the first. */
export const portsWithOffset = (offset: number): SandboxPorts => ({
  github: DEFAULT_PORTS.github + offset,
  kubeControl: DEFAULT_PORTS.kubeControl + offset,
  kubeFirstCluster: DEFAULT_PORTS.kubeFirstCluster + offset,
  portal: offset === 0 ? undefined : 7007 + offset,
});

/** The simulated GitOps operator's settings, or `false` for clusters that never change on their own. */
export type SandboxOperatorOptions =
  | Pick<
      GitopsOperatorOptions,
      'pollIntervalMs' | 'stepDelayMs' | 'faults' | 'log'
    >
  | false;

export interface SandboxServices {
  github: GithubEmulator;
  kube: KubeEmulator;
  /** The test double of Argo CD and Flux (absent when started with `operator: false`). */
  operator?: GitopsOperator;
  /** Backstage config (YAML) that points the backend at the emulators. */
  configPath: string;
  /** The config repo's head commit at start (what freshly seeded clusters run). */
  revision: string;
  /** The profile it was started with (its environments and config repo). */
  estate: SandboxEstate;
  close(): Promise<void>;
}

interface SandboxSecrets {
  githubToken: string;
  clusterTokens: Record<string, string>;
}

/** Tokens are made once and kept in the state folder, so a restart keeps working with the same config. */
function loadSecrets(stateDir: string, environments: string[]): SandboxSecrets {
  const file = join(stateDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const token = () => randomBytes(16).toString('hex');
  const secrets: SandboxSecrets = {
    githubToken: token(),
    clusterTokens: Object.fromEntries(environments.map(env => [env, token()])),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function seedConfigRepo(
  github: GithubEmulator,
  estate: SandboxEstate,
): Promise<string> {
  const { owner, repo } = estate.configRepo;
  const repoPath = github.repoPath(owner, repo);
  if (!existsSync(repoPath)) {
    await github.createRepo(owner, repo, {
      defaultBranch: 'main',
      message: 'Seed the sandbox GitOps config repo',
      files: estate.repoFiles(github.gitUrl(owner, repo)),
    });
  }
  return execFileSync('git', ['rev-parse', 'refs/heads/main'], {
    cwd: repoPath,
    encoding: 'utf8',
  }).trim();
}

async function seedClusters(
  kube: KubeEmulator,
  estate: SandboxEstate,
  revision: string,
  repoUrl: string,
) {
  for (const env of estate.environments) {
    const cluster = kube.cluster(env);
    // A cluster holding our CRDs was seeded by an earlier start; keep what it has.
    if (
      cluster.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')
        .length > 0
    )
      continue;
    await estate.seedCluster(cluster, env, revision, repoUrl);
  }
}

function writeBackendConfig(
  path: string,
  github: GithubEmulator,
  kube: KubeEmulator,
  secrets: SandboxSecrets,
  estate: SandboxEstate,
  portal: number | undefined,
) {
  const host = new URL(github.url).host;
  const portalUrl = `http://localhost:${portal}`;
  const config = {
    ...estate.backendConfig.root,
    ...(portal === undefined
      ? {}
      : {
          app: { baseUrl: portalUrl },
          backend: {
            baseUrl: portalUrl,
            listen: { port: portal },
            cors: { origin: portalUrl },
          },
        }),
    integrations: {
      github: [{ host, apiBaseUrl: github.apiUrl, token: secrets.githubToken }],
    },
    gitops: {
      configRepo: { host, ...estate.configRepo, branch: 'main' },
      // The delivery metrics' longest window is 90 days (the seeded history covers it).
      history: { retention: { days: 91 } },
      // An entity a golden path registers (a requested cluster's Resource) gets its objects within seconds, not at
      // the next minute's catalog read; the sandbox catalog is small.
      catalogEntities: { refreshInterval: { seconds: 5 } },
      ...estate.backendConfig.gitops,
      // The project's own kubectl (scripts/setup.sh) validates pull requests, whatever is on PATH.
      ...(existsSync(PROJECT_KUBECTL)
        ? { validation: { kubectlPath: PROJECT_KUBECTL } }
        : {}),
      clusters: estate.environments.map(env => {
        const cluster = kube.cluster(env);
        return {
          name: env,
          environment: env,
          url: cluster.url,
          skipTLSVerify: true,
          serviceAccountToken: cluster.token,
        };
      }),
    },
  };
  writeFileSync(
    path,
    `# Written by the sandbox at each start: the emulators' addresses and tokens.\n${stringify(
      config,
    )}`,
    { mode: 0o600 },
  );
}

/** Starts (or restarts on kept state) the GitHub emulator and the emulated clusters, seeding them on first start. */
export async function startSandboxServices(
  stateDir: string,
  ports: SandboxPorts = DEFAULT_PORTS,
  operatorOptions: SandboxOperatorOptions = {},
  estateOf: (stateDir: string) => Promise<SandboxEstate> = demoEstate,
): Promise<SandboxServices> {
  mkdirSync(stateDir, { recursive: true });
  const estate = await estateOf(stateDir);
  const secrets = loadSecrets(stateDir, estate.environments);
  const github = await startGithubEmulator({
    dataDir: join(stateDir, 'github'),
    port: ports.github,
    tokens: [secrets.githubToken],
  });
  const kube = await startKubeEmulator({
    clusters: estate.environments.map((env, i) => ({
      name: env,
      port: ports.kubeFirstCluster === 0 ? 0 : ports.kubeFirstCluster + i,
      token: secrets.clusterTokens[env],
    })),
    kubeconfigDir: join(stateDir, 'kube'),
    stateDir: join(stateDir, 'kube', 'state'),
    controlPort: ports.kubeControl,
  });
  const { owner, repo } = estate.configRepo;
  const revision = await seedConfigRepo(github, estate);
  await seedClusters(kube, estate, revision, github.gitUrl(owner, repo));
  const configPath = join(stateDir, 'app-config.sandbox.yaml');
  writeBackendConfig(configPath, github, kube, secrets, estate, ports.portal);
  const operator =
    operatorOptions === false
      ? undefined
      : await startGitopsOperator({
          ...operatorOptions,
          source: {
            apiUrl: github.apiUrl,
            gitUrl: github.gitUrl(owner, repo),
            owner,
            repo,
            branch: 'main',
            token: secrets.githubToken,
          },
          clusters: kube.clusters,
          workDir: join(stateDir, 'operator'),
          kubectlPath: existsSync(PROJECT_KUBECTL)
            ? PROJECT_KUBECTL
            : undefined,
          chartVersions: estate.chartVersions,
        });
  return {
    github,
    kube,
    operator,
    configPath,
    revision,
    estate,
    async close() {
      await operator?.close(); // before the emulators, so no sync writes into a closed cluster
      await Promise.all([kube.close(), github.close()]);
    },
  };
}
