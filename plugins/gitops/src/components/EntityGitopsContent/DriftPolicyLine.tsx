import Typography from '@material-ui/core/Typography';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';

const onOff = (value: boolean | undefined) => (value ? 'on' : 'off');

/**
 * The drift policy in words: Argo CD `manual sync` or `auto-sync, self-heal on, prune off` and the number of
 * ignored differences; Flux `prune on, every 5m`. Undefined when the object reports none.
 */
export function driftPolicyText(object: ObjectStatus): string | undefined {
  const policy = object.driftPolicy;
  if (!policy) return undefined;
  const parts: string[] = [];
  if (object.engine === 'argocd') {
    if (!policy.automated) parts.push('manual sync');
    else {
      parts.push(
        'auto-sync',
        `self-heal ${onOff(policy.selfHeal)}`,
        `prune ${onOff(policy.prune)}`,
      );
    }
    if (policy.ignoreDifferences) {
      parts.push(
        `${policy.ignoreDifferences} ignored difference${
          policy.ignoreDifferences === 1 ? '' : 's'
        }`,
      );
    }
  } else {
    if (policy.prune !== undefined) parts.push(`prune ${onOff(policy.prune)}`);
    if (policy.interval) parts.push(`every ${policy.interval}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One read-only line: what the engine does when this environment drifts from the config repo. */
export function DriftPolicyLine(props: { object: ObjectStatus }) {
  const text = driftPolicyText(props.object);
  if (!text) return null;
  return (
    <Typography
      variant="caption"
      display="block"
      aria-label={`Drift policy: ${text}`}
    >
      Drift policy: {text}
    </Typography>
  );
}
