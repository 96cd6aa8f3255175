/** Bench data for the scale-out bench: services `svc-<i>` (one Application per cluster each), owned by teams. */
export { entities } from '../reconciler/fixtures';

/** What run.ts passes to each replica process (env SCALE_OUT_REPLICA, JSON). */
export interface ReplicaSettings {
  name: string;
  connection: string;
  clusters: Array<{ name: string; url: string; token: string }>;
  /** A small cluster outside the fleet, watched and dropped before the baseline (code compiled, pools warm). */
  warmup: {
    cluster: { name: string; url: string; token: string };
    objects: number;
  };
  leaseDurationMs: number;
  services: number;
  teams: number;
}
