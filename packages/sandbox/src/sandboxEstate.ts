import type { EmulatedCluster } from '@internal/kube-emulator';

/**
 * What one sandbox profile (`--estate`) seeds: its environments (one emulated cluster each, in promotion order), its
 * config repo and first commit, the objects its clusters hold at that commit, and what the backend config adds.
 */
export interface SandboxEstate {
  name: string;
  environments: string[];
  configRepo: { owner: string; repo: string };
  /** The config repo's files at first start (`gitUrl` is the emulator's clone URL of it). */
  repoFiles(gitUrl: string): Record<string, string>;
  /** The objects a freshly seeded cluster holds: what the engines would have written at `revision`. */
  seedCluster(
    cluster: EmulatedCluster,
    environment: string,
    revision: string,
    gitUrl: string,
  ): Promise<void>;
  /** Backend config besides the emulators' addresses: top-level keys, and keys under `gitops`. */
  backendConfig: { root?: object; gitops?: object };
  /** The chart versions the sandbox's Helm repositories serve, for the operator's HelmReleases. */
  chartVersions?: Record<string, string[]>;
}
