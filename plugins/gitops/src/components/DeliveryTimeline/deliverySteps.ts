import type { Delivery } from '@gitops-portal/plugin-gitops-common';
import { orderEnvironments } from '../shared';

/** One step of a delivery: opened, merged, then synced and healthy per environment. */
export interface DeliveryStep {
  /** "Opened", "Merged", "Synced in dev", "Healthy in dev". */
  label: string;
  /** done: happened at `at`; waiting: the next thing to happen; pending: after a waiting step; closed: never will. */
  state: 'done' | 'waiting' | 'pending' | 'closed';
  at?: string;
  /** Seconds since the step it follows (the lead time of this step). */
  leadSeconds?: number;
  environment?: string;
}

/**
 * The environments a delivery is about: those whose overlay or cluster files the pull request changed (a promotion
 * to staging is not waiting on dev); all of them when it changed none in particular (a change to the base).
 */
export function relevantEnvironments(delivery: Delivery) {
  const changed = delivery.environments.filter(e => e.changed);
  return changed.length > 0 ? changed : delivery.environments;
}

const seconds = (from: string, to: string) =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** The delivery as steps in order, each with its lead time from the step it depends on. */
export function deliverySteps(delivery: Delivery): DeliveryStep[] {
  const steps: DeliveryStep[] = [
    { label: 'Opened', state: 'done', at: delivery.openedAt },
  ];
  if (!delivery.mergedAt) {
    steps.push({
      label: 'Merged',
      state: delivery.state === 'closed' ? 'closed' : 'waiting',
    });
    return steps;
  }
  const mergedAt = delivery.mergedAt;
  steps.push({
    label: 'Merged',
    state: 'done',
    at: mergedAt,
    leadSeconds: seconds(delivery.openedAt, mergedAt),
  });
  const environments = relevantEnvironments(delivery);
  const position = (environment: string) =>
    environments.findIndex(e => e.environment === environment);
  const order = orderEnvironments(
    environments.map(e => e.environment),
    position,
  );
  for (const name of order) {
    const environment = environments[position(name)];
    const common = { environment: name };
    const { syncedAt, healthyAt } = environment;
    let healthyState: DeliveryStep['state'] = 'pending';
    if (healthyAt) healthyState = 'done';
    else if (syncedAt) healthyState = 'waiting';
    steps.push({
      ...common,
      label: `Synced in ${name}`,
      state: syncedAt ? 'done' : 'waiting',
      ...(syncedAt
        ? { at: syncedAt, leadSeconds: seconds(mergedAt, syncedAt) }
        : {}),
    });
    steps.push({
      ...common,
      label: `Healthy in ${name}`,
      state: healthyState,
      ...(healthyAt && syncedAt
        ? { at: healthyAt, leadSeconds: seconds(syncedAt, healthyAt) }
        : {}),
    });
  }
  return steps;
}

/** Opened → every environment healthy: the whole lead time, once the last environment is healthy. */
export function totalLeadSeconds(delivery: Delivery): number | undefined {
  const { mergedAt } = delivery;
  const environments = relevantEnvironments(delivery);
  if (!mergedAt || environments.length === 0) return undefined;
  if (environments.some(e => !e.healthyAt)) return undefined;
  const last = Math.max(...environments.map(e => Date.parse(e.healthyAt!)));
  return Math.max(0, (last - Date.parse(delivery.openedAt)) / 1000);
}
