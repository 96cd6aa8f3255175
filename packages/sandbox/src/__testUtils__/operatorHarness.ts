import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configRepoFiles } from '../demo/configRepo';
import { DemoService, loadDemoServices } from '../demo/demoServices';
import { CONFIG_REPO } from '../demo/environments';
import {
  SandboxOperatorOptions,
  SandboxServices,
  startSandboxServices,
} from '../sandboxServices';
import { ConfigRepoClone } from './configRepoCommits';
import { recordStates, StateRecorder, waitFor } from './watchStates';

export const APPS = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';
export const KUSTOMIZATIONS =
  '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations';
export const short = (sha: string) => sha.slice(0, 7);

/** A sandbox on random ports with a fast operator, a developer's clone that pushes to main, and watch recorders. */
export class OperatorHarness {
  private readonly recorders: StateRecorder[] = [];
  readonly clone: ConfigRepoClone;
  /** The seeded config repo's files, to derive changes from. */
  readonly seeded: Record<string, string>;
  readonly seedRevision: string;
  /** The emulator's token, for the GitHub API as for pushes. */
  readonly githubToken: string;

  private constructor(
    readonly stateDir: string,
    readonly sandbox: SandboxServices,
  ) {
    this.seeded = configRepoFiles(loadDemoServices(), this.gitUrl);
    this.seedRevision = sandbox.operator?.revision ?? '';
    // Pushes need the token (git sends it once the emulator asks).
    this.githubToken = JSON.parse(
      readFileSync(join(stateDir, 'secrets.json'), 'utf8'),
    ).githubToken;
    const pushUrl = new URL(this.gitUrl);
    pushUrl.username = 'x-access-token';
    pushUrl.password = this.githubToken;
    this.clone = new ConfigRepoClone(
      join(stateDir, 'developer-clone'),
      pushUrl.toString(),
    );
  }

  static async start(
    operator: SandboxOperatorOptions = {
      pollIntervalMs: 100,
      stepDelayMs: 300,
    },
  ) {
    const stateDir = mkdtempSync(join(tmpdir(), 'sandbox-operator-'));
    const sandbox = await startSandboxServices(
      stateDir,
      { github: 0, kubeControl: 0, kubeFirstCluster: 0 },
      operator,
    );
    return new OperatorHarness(stateDir, sandbox);
  }

  get gitUrl() {
    return this.sandbox.github.gitUrl(CONFIG_REPO.owner, CONFIG_REPO.repo);
  }

  cluster(name: string) {
    return this.sandbox.kube.cluster(name);
  }

  /** Records an object's states from now on; for an object that exists, from its current state. */
  async watch(
    cluster: string,
    path: string,
    name: string,
    { exists = true, claim = false } = {},
  ) {
    const recorder = await recordStates(
      this.cluster(cluster).kubeconfig(),
      path,
      name,
      claim ? 'claim' : undefined,
    );
    this.recorders.push(recorder);
    if (exists)
      await waitFor(
        () => recorder.states.length > 0,
        () => 'no event',
      );
    return recorder;
  }

  /** Commits to main (like a merged PR) and waits until the operator caught up with it. */
  async merge(files: Record<string, string | null>, message: string) {
    const sha = await this.clone.commit(files, message);
    const operator = this.sandbox.operator!;
    await waitFor(
      () => operator.revision === sha,
      () => operator.revision,
    );
    return sha;
  }

  stopRecorders() {
    this.recorders.splice(0).forEach(r => r.stop());
  }

  async close() {
    this.stopRecorders();
    await this.sandbox.close();
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}

export const endsAt = (recorder: StateRecorder, state: string) =>
  waitFor(
    () => recorder.states[recorder.states.length - 1] === state,
    () => [...recorder.states, ...recorder.errors].join(', '),
  );

/** A service that is not in the demo: its base, dev overlay and Argo CD Application, as a create PR adds them. */
export function newServiceFiles(name: string, gitUrl: string) {
  const service: DemoService = {
    name,
    team: 'payments',
    engine: 'argocd',
    description: '',
    rollout: false,
  };
  return Object.fromEntries(
    Object.entries(configRepoFiles([service], gitUrl)).filter(
      ([path]) =>
        path.startsWith(`apps/${name}/`) ||
        path === `clusters/dev/argocd/${name}.yaml`,
    ),
  );
}
