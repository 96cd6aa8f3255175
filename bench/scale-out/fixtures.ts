/** Bench data for the scale-out bench: services `svc-<i>` (one Application per cluster each), owned by teams. */
import type { Entity } from '@backstage/catalog-model';

export const ID = 'backstage.io/kubernetes-id';

export const teamOf = (i: number, teams: number) => `team-${i % teams}`;

export function entities(services: number, teams: number): Entity[] {
  const components: Entity[] = Array.from({ length: services }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: { [ID]: `svc-${i}` },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${teamOf(i, teams)}`,
    },
  }));
  const groups: Entity[] = Array.from({ length: teams }, (_, t) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${t}`, namespace: 'default' },
    spec: { type: 'team', children: [] },
  }));
  return [...components, ...groups];
}

/** What run.ts passes to each replica process (env SCALE_OUT_REPLICA, JSON). */
export interface ReplicaSettings {
  name: string;
  connection: string;
  clusters: Array<{ name: string; url: string; token: string }>;
  leaseDurationMs: number;
  services: number;
  teams: number;
}
