import type { EmulatedCluster } from '@internal/kube-emulator';

/** A fault the simulated operator injects: matching deliveries end Degraded instead of Healthy. */
export interface OperatorFault {
  /** Cluster (environment) name; every cluster when omitted. */
  cluster?: string;
  /** Application or Kustomization name (`payments-api-staging`, `autocomplete`); every delivery when omitted. */
  name?: string;
  /** The health message shown, as Argo CD or Flux would report a failed rollout. */
  message?: string;
}

/** Where the operator reads the config repo from. */
export interface OperatorSource {
  /** GitHub REST base URL of the emulator (e.g. `http://127.0.0.1:7100/api/v3`). */
  apiUrl: string;
  /** Smart-HTTP clone URL of the config repo. */
  gitUrl: string;
  owner: string;
  repo: string;
  branch: string;
  token: string;
}

export interface GitopsOperatorOptions {
  source: OperatorSource;
  /** The emulated clusters; a cluster's name is the environment folder under `clusters/` in the config repo. */
  clusters: EmulatedCluster[];
  /** The operator's own state: a clone of the config repo and the last revision it applied. */
  workDir: string;
  /** kubectl used for `kubectl kustomize` (default `kubectl` on PATH). */
  kubectlPath?: string;
  /** How often the branch is read (default 1000 ms). */
  pollIntervalMs?: number;
  /** Time spent in each of OutOfSync and Progressing (default 1000 ms). */
  stepDelayMs?: number;
  faults?: OperatorFault[];
  log?: (message: string) => void;
  /** The chart versions the sandbox's Helm repositories serve, by chart name (HelmReleases pick from them). */
  chartVersions?: Record<string, string[]>;
}

export interface GitopsOperator {
  /** The config-repo commit the clusters last caught up with. */
  readonly revision: string;
  addFault(fault: OperatorFault): string;
  clearFaults(id?: string): void;
  close(): Promise<void>;
}
