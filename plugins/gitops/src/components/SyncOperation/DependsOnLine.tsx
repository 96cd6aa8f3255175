import Typography from '@material-ui/core/Typography';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { dependencyStates, dependencyText } from './dependsOnModel';

/** Flux: the objects this one waits for (`spec.dependsOn`) and their readiness, as one labelled line. */
export function DependsOnLine(props: { object: ObjectStatus }) {
  const states = dependencyStates(props.object);
  if (states.length === 0) return null;
  const text = states.map(dependencyText).join(', ');
  return (
    <Typography
      variant="caption"
      display="block"
      aria-label={`Depends on: ${text}`}
    >
      Depends on: {text}
    </Typography>
  );
}
