import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { stringify } from 'yaml';
import {
  gitopsCrds,
  KubeEmulator,
  KubeObject,
  startKubeEmulator,
} from '@internal/kube-emulator';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { startGitopsOperator } from './operator/gitopsOperator';
import { GitopsOperator, GitopsOperatorOptions } from './operator/types';
import { clusterObjects } from './demo/clusterObjects';
import { configRepoFiles } from './demo/configRepo';
import { chartServiceFiles, chartServiceObjects } from './demo/chartService';
import { loadDemoServices } from './demo/demoServices';
import { sandboxSecretMethods } from './demo/secretMethods';
import { CONFIG_REPO, DEMO_ENVIRONMENTS } from './demo/environments';

const PROJECT_KUBECTL = resolvePackagePath(
  '@internal/sandbox',
  '../../.tools/kubectl/kubectl/kubectl',
);

export interface SandboxPorts {
  github: number;
  kubeControl: number;
  /** First cluster port; the environments take consecutive ports in promotion order. */
  kubeFirstCluster: number;
}

export const DEFAULT_PORTS: SandboxPorts = {
  github: 7100,
  kubeControl: 6400,
  kubeFirstCluster: 6443,
};

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
  close(): Promise<void>;
}

interface SandboxSecrets {
  githubToken: string;
  clusterTokens: Record<string, string>;
}

/** Tokens are made once and kept in the state folder, so a restart keeps working with the same config. */
function loadSecrets(stateDir: string): SandboxSecrets {
  const file = join(stateDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const token = () => randomBytes(16).toString('hex');
  const secrets: SandboxSecrets = {
    githubToken: token(),
    clusterTokens: Object.fromEntries(
      DEMO_ENVIRONMENTS.map(env => [env.name, token()]),
    ),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function seedConfigRepo(
  github: GithubEmulator,
  extraFiles: Record<string, string>,
): Promise<string> {
  const { owner, repo } = CONFIG_REPO;
  const repoPath = github.repoPath(owner, repo);
  if (!existsSync(repoPath)) {
    await github.createRepo(owner, repo, {
      defaultBranch: 'main',
      message: 'Seed the sandbox GitOps config repo',
      files: {
        ...configRepoFiles(loadDemoServices(), github.gitUrl(owner, repo)),
        ...chartServiceFiles(github.gitUrl(owner, repo)),
        ...extraFiles,
      },
    });
  }
  return execFileSync('git', ['rev-parse', 'refs/heads/main'], {
    cwd: repoPath,
    encoding: 'utf8',
  }).trim();
}

function seedClusters(kube: KubeEmulator, revision: string, repoUrl: string) {
  const services = loadDemoServices();
  for (const env of DEMO_ENVIRONMENTS) {
    const cluster = kube.cluster(env.name);
    // A cluster holding our CRDs was seeded by an earlier start; keep what it has.
    if (
      cluster.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')
        .length > 0
    )
      continue;
    cluster.apply(gitopsCrds());
    cluster.apply(
      clusterObjects(services, env, revision, repoUrl) as KubeObject[],
    );
    // the multi-source Application (remote Helm chart, values from the config repo)
    cluster.apply(
      chartServiceObjects(
        env,
        revision,
        repoUrl,
        new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      ) as KubeObject[],
    );
  }
}

function writeBackendConfig(
  path: string,
  github: GithubEmulator,
  kube: KubeEmulator,
  secrets: SandboxSecrets,
  secretMethods: object,
) {
  const host = new URL(github.url).host;
  const config = {
    integrations: {
      github: [{ host, apiBaseUrl: github.apiUrl, token: secrets.githubToken }],
    },
    gitops: {
      configRepo: { host, ...CONFIG_REPO, branch: 'main' },
      // The delivery metrics' longest window is 90 days (the seeded history covers it).
      history: { retention: { days: 91 } },
      // How the add-secret template adds a secret in each environment (demo/secretMethods.ts).
      secrets: { environments: secretMethods },
      // The project's own kubectl (scripts/setup.sh) validates pull requests, whatever is on PATH.
      ...(existsSync(PROJECT_KUBECTL)
        ? { validation: { kubectlPath: PROJECT_KUBECTL } }
        : {}),
      clusters: DEMO_ENVIRONMENTS.map(env => {
        const cluster = kube.cluster(env.name);
        return {
          name: env.name,
          environment: env.name,
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
): Promise<SandboxServices> {
  mkdirSync(stateDir, { recursive: true });
  const secrets = loadSecrets(stateDir);
  const github = await startGithubEmulator({
    dataDir: join(stateDir, 'github'),
    port: ports.github,
    tokens: [secrets.githubToken],
  });
  const kube = await startKubeEmulator({
    clusters: DEMO_ENVIRONMENTS.map((env, i) => ({
      name: env.name,
      port: ports.kubeFirstCluster === 0 ? 0 : ports.kubeFirstCluster + i,
      token: secrets.clusterTokens[env.name],
    })),
    kubeconfigDir: join(stateDir, 'kube'),
    stateDir: join(stateDir, 'kube', 'state'),
    controlPort: ports.kubeControl,
  });
  const { owner, repo } = CONFIG_REPO;
  const secretMethods = await sandboxSecretMethods(stateDir);
  const revision = await seedConfigRepo(github, {
    '.sops.yaml': secretMethods.sopsYaml,
  });
  seedClusters(kube, revision, github.gitUrl(owner, repo));
  const configPath = join(stateDir, 'app-config.sandbox.yaml');
  writeBackendConfig(
    configPath,
    github,
    kube,
    secrets,
    secretMethods.environments,
  );
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
        });
  return {
    github,
    kube,
    operator,
    configPath,
    revision,
    async close() {
      await operator?.close(); // before the emulators, so no sync writes into a closed cluster
      await Promise.all([kube.close(), github.close()]);
    },
  };
}
