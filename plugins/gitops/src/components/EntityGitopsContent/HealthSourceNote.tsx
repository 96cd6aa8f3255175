import Typography from '@material-ui/core/Typography';
import type { HealthSource } from '@gitops-portal/plugin-gitops-common';

const LABELS: Record<HealthSource, string> = {
  'argocd-application': 'health as Argo CD reports it',
  'custom-script': 'health from a custom health script',
  builtin: 'health from the built-in rule',
};

/** Says where the object's health comes from (records written before the backend said so show nothing). */
export function HealthSourceNote(props: { source?: HealthSource }) {
  if (!props.source) return null;
  return (
    <Typography variant="caption" color="textSecondary">
      {LABELS[props.source]}
    </Typography>
  );
}
