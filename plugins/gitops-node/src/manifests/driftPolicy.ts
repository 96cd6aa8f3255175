import { InputError } from '@backstage/errors';
import {
  DEFAULT_DRIFT_POLICY,
  DriftPolicy,
  driftPolicyEngineProblem,
  driftPolicySchema,
} from '@gitops-portal/plugin-gitops-common';
import { ServiceEnvironment } from './types';

/** Refuses a drift policy the shared schema refuses or that names a setting the engine does not have. */
export function assertDriftPolicy(
  env: ServiceEnvironment,
  engine: 'argocd' | 'flux',
): void {
  if (env.driftPolicy === undefined) return;
  const parsed = driftPolicySchema.safeParse(env.driftPolicy);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${['driftPolicy', ...issue.path].join('.')}: ${issue.message}`,
    );
    throw new InputError(`Environment ${env.name}: ${problems.join('; ')}`);
  }
  const problem = driftPolicyEngineProblem(parsed.data, engine);
  if (problem) {
    throw new InputError(`Environment ${env.name}: driftPolicy: ${problem}`);
  }
}

/**
 * An Application's `syncPolicy` and `ignoreDifferences` for the environment's policy (auto-sync stays on; absent
 * switches keep the defaults). `ignoreDifferences` is left out when there are none, as before.
 */
export function argoDriftSpec(policy: DriftPolicy = {}) {
  const rules = policy.ignoreDifferences ?? [];
  return {
    syncPolicy: {
      automated: {
        prune: policy.prune ?? DEFAULT_DRIFT_POLICY.argocd.prune,
        selfHeal: policy.selfHeal ?? DEFAULT_DRIFT_POLICY.argocd.selfHeal,
      },
      syncOptions: [
        'CreateNamespace=true',
        // Argo CD applies ignored fields on a sync too unless told to respect them.
        ...(rules.length > 0 ? ['RespectIgnoreDifferences=true'] : []),
      ],
    },
    ...(rules.length > 0 ? { ignoreDifferences: rules } : {}),
  };
}

/** A Flux Kustomization's `prune` and `interval` for the environment's policy. */
export function fluxDriftSpec(policy: DriftPolicy = {}) {
  return {
    interval: policy.interval ?? DEFAULT_DRIFT_POLICY.flux.interval,
    prune: policy.prune ?? DEFAULT_DRIFT_POLICY.flux.prune,
  };
}
