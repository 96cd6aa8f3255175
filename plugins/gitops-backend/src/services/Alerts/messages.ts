import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { AlertCondition } from './types';

/** The entity's GitOps tab (`EntityContentBlueprint` path `gitops` of plugins/gitops). */
export function entityTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/gitops`;
}

const SEVERITY: Record<AlertCondition, NotificationPayload['severity']> = {
  degraded: 'high',
  syncFailed: 'high',
  stale: 'high',
  outOfSync: 'normal',
};

export const severityOf = (condition: AlertCondition) =>
  SEVERITY[condition] ?? 'normal';

const where = (o: ObjectStatus) =>
  `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} in ${o.cluster}`;

/** One scope per object and condition: the notifications backend updates instead of duplicating. */
const scopeOf = (key: string, condition: AlertCondition) =>
  `gitops:${condition}:${key}`;

export function alertPayload(
  object: ObjectStatus,
  condition: AlertCondition,
  link: string | undefined,
): NotificationPayload {
  const title = {
    degraded: `Degraded: ${where(object)}`,
    syncFailed: `Sync failed: ${where(object)}`,
    outOfSync: `OutOfSync for too long: ${where(object)}`,
    stale: `Cluster ${object.cluster} is stale`,
  }[condition];
  const description =
    condition === 'syncFailed'
      ? object.operation?.message
      : object.health.message;
  return {
    title,
    ...(description ? { description } : {}),
    ...(link ? { link } : {}),
    severity: severityOf(condition),
    topic: 'gitops',
    scope: scopeOf(object.key, condition),
  };
}

export function recoveryPayload(
  object: ObjectStatus,
  condition: AlertCondition,
  link: string | undefined,
): NotificationPayload {
  const what = {
    degraded: `is no longer Degraded (${object.health.status})`,
    syncFailed: `synced again (${object.operation?.phase ?? object.sync})`,
    outOfSync: `is ${object.sync} again`,
    stale: 'is in contact again',
  }[condition];
  return {
    title: `Recovered: ${where(object)} ${what}`,
    ...(link ? { link } : {}),
    severity: 'low',
    topic: 'gitops',
    scope: scopeOf(object.key, condition),
  };
}

export function clusterPayload(
  cluster: string,
  recovered: boolean,
  staleSince?: number,
): NotificationPayload {
  return {
    title: recovered
      ? `Recovered: cluster ${cluster} is in contact again`
      : `Cluster ${cluster} is stale: GitOps status is last-known only`,
    ...(staleSince !== undefined && !recovered
      ? {
          description: `No good contact since ${new Date(
            staleSince,
          ).toISOString()}`,
        }
      : {}),
    link: '/gitops',
    severity: recovered ? 'low' : severityOf('stale'),
    topic: 'gitops',
    scope: `gitops:stale:${cluster}`,
  };
}
