/** Bench data for the scale-out bench: services `svc-<i>` (one Application per cluster each), owned by teams. */
export { entities } from '../reconciler/fixtures';

/** What run.ts passes to each replica process (env SCALE_OUT_REPLICA, JSON). */
export interface ReplicaSettings {
  name: string;
  connection: string;
  clusters: Array<{ name: string; url: string; token: string }>;
  leaseDurationMs: number;
  services: number;
  teams: number;
}
