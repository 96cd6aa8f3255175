/** Bench data: ~2 KB Argo CD Applications labelled for the catalog, and the catalog entities/teams. */
import type { Entity } from '@backstage/catalog-model';
import type { KubeObject } from '@internal/kube-emulator';
import { argoApplication } from '../emulator/fixtures';

export const ID = 'backstage.io/kubernetes-id';
export const TEAMS = 50;
export const SERVICES = 500;

/** The emulator bench's realistic Application, plus the label the portal maps to `svc-<i>`. */
export function application(
  cluster: string,
  i: number,
  health?: string,
): KubeObject {
  const object = argoApplication(cluster, i) as any;
  object.metadata.labels[ID] = `svc-${i}`;
  if (health) object.status.health = { status: health };
  return object;
}

export function teamOf(i: number, teams = TEAMS) {
  return `team-${i % teams}`;
}

/** `svc-<i>` Components owned round-robin by `team-<k>` Groups (the scale-out bench uses other counts). */
export function entities(services = SERVICES, teams = TEAMS): Entity[] {
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
