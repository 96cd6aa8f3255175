import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { stepResult, syncStages } from './syncOperationModel';

const MARK = { done: '✓', running: '…', failed: '✗' } as const;

/**
 * The running (or failed) Argo CD sync operation's stages: PreSync hooks, the waves of the main phase, PostSync, each
 * with its resources and how they went. Nothing once the operation succeeded (the normaliser keeps no steps then).
 */
export function SyncOperation(props: { object: ObjectStatus }) {
  const { operation } = props.object;
  const steps = operation?.steps;
  if (!operation || !steps?.length) return null;
  return (
    <Box
      component="ol"
      role="list"
      aria-label={`Sync operation ${operation.phase}`}
      style={{ margin: 0, paddingLeft: 16 }}
    >
      {syncStages(steps).map(stage => (
        <li key={stage.label} aria-label={`${stage.label}: ${stage.state}`}>
          <Typography variant="caption" component="span">
            {MARK[stage.state]} {stage.label}:{' '}
            {stage.steps
              .map(
                step =>
                  `${step.kind} ${step.name} ${stepResult(step)}${
                    step.message && stage.state === 'failed'
                      ? ` (${step.message})`
                      : ''
                  }`,
              )
              .join(', ')}
          </Typography>
        </li>
      ))}
    </Box>
  );
}
