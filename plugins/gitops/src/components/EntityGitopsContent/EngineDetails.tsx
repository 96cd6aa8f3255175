import Typography from '@material-ui/core/Typography';
import type {
  Condition,
  ObjectRef,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

function refText(ref: ObjectRef): string {
  return `${ref.kind ?? 'object'} ${ref.namespace ? `${ref.namespace}/` : ''}${
    ref.name
  }`;
}

function conditionText(condition: Condition | undefined): string {
  if (!condition) return 'not reported';
  return [condition.status, condition.reason, condition.message]
    .filter(Boolean)
    .join(' · ');
}

/** Flux: where the applier reads from, and its Ready condition. */
export function FluxDetails(props: { object: ObjectStatus }) {
  const { source, conditions } = props.object;
  const ready = conditions.find(c => c.type === 'Ready');
  return (
    <>
      {source?.sourceRef && (
        <Typography variant="body2">
          Source: {refText(source.sourceRef)}
        </Typography>
      )}
      <Typography variant="body2">Ready: {conditionText(ready)}</Typography>
    </>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Progressive delivery: an Argo Rollouts Rollout (step x/y, canary weight) or
 * a Flagger Canary (phase, canary weight, analysis iterations, failed checks).
 */
export function RolloutProgress(props: { object: ObjectStatus }) {
  const rollout = props.object.rollout;
  if (!rollout) return null;
  const title = props.object.engine === 'flagger' ? 'Canary' : 'Rollout';
  const parts: string[] = [];
  if (rollout.phase) parts.push(rollout.phase);
  if (rollout.currentStep !== undefined && rollout.totalSteps !== undefined) {
    parts.push(`step ${rollout.currentStep}/${rollout.totalSteps}`);
  }
  if (rollout.canaryWeight !== undefined) {
    parts.push(`canary ${rollout.canaryWeight}%`);
  }
  // Flagger's counters read 0 outside an analysis: show them once they count.
  if (rollout.iterations) parts.push(plural(rollout.iterations, 'iteration'));
  if (rollout.failedChecks) {
    parts.push(plural(rollout.failedChecks, 'failed check'));
  }
  return (
    <Typography variant="body2" aria-label={`${title} progress`}>
      {title}: {parts.join(' · ')}
      {rollout.message ? ` — ${rollout.message}` : ''}
    </Typography>
  );
}
