import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import type { ResponseError } from '@backstage/errors';
import {
  gitopsPromotePermission,
  gitopsRollbackPermission,
  type PullRequestResponse,
} from '@gitops-portal/plugin-gitops-common';
import { gitopsApiRef, type GitopsApi } from '../../api';

type Step = { from: string; to: string };

/** Each environment with the one after it: the promotions a user can ask for. */
export function promotionSteps(environments: string[]): Step[] {
  return environments.slice(1).map((to, i) => ({ from: environments[i], to }));
}

/** One button: what it says, what the dialog asks, and the pull request it opens. */
interface DeliveryAction {
  label: string;
  question: string;
  run: (api: GitopsApi, entity: Entity) => Promise<PullRequestResponse>;
}

function promotionAction({ from, to }: Step): DeliveryAction {
  return {
    label: `Promote ${from} → ${to}`,
    question: `Open a pull request to the GitOps config repo that copies the image of ${from} to ${to}?`,
    run: (api, entity) =>
      api.promote(getCompoundEntityRef(entity), { from, to }),
  };
}

function rollbackAction(environment: string): DeliveryAction {
  return {
    label: `Roll back ${environment}`,
    question: `Open a pull request to the GitOps config repo that reverts the last change to ${environment}'s overlay?`,
    run: (api, entity) =>
      api.rollback(getCompoundEntityRef(entity), { environment }),
  };
}

/** The backend's own words for a refusal (a ResponseError carries them in its body), else the error message. */
function refusalMessage(error: Error): string {
  const body = (error as Partial<ResponseError>).body;
  return body?.error?.message ?? error.message;
}

/**
 * Buttons that open delivery pull requests: promote (env → next env) and roll back (per env). Each kind is shown
 * only to users the permission policy allows on this entity; each asks for confirmation, then links to the PR.
 */
export function DeliveryActions(props: {
  entity: Entity;
  environments: string[];
}) {
  const api = useApi(gitopsApiRef);
  const resourceRef = stringifyEntityRef(props.entity);
  const promote = usePermission({
    permission: gitopsPromotePermission,
    resourceRef,
  });
  const rollback = usePermission({
    permission: gitopsRollbackPermission,
    resourceRef,
  });
  const [pending, setPending] = useState<DeliveryAction>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PullRequestResponse>();
  const [error, setError] = useState<Error>();

  const actions = [
    ...(promote.allowed
      ? promotionSteps(props.environments).map(promotionAction)
      : []),
    ...(rollback.allowed ? props.environments.map(rollbackAction) : []),
  ];
  if (actions.length === 0) return null;

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await pending.run(api, props.entity));
      setPending(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mb={2}>
      {actions.map(action => (
        <Box component="span" mr={1} key={action.label}>
          <Button
            variant="outlined"
            size="small"
            onClick={() => setPending(action)}
          >
            {action.label}
          </Button>
        </Box>
      ))}
      {result && (
        <Box mt={1}>
          <Alert severity="success">
            Pull request opened:{' '}
            <Link to={result.url}>
              #{result.number} ({result.branch})
            </Link>
          </Alert>
        </Box>
      )}
      <Dialog
        open={!!pending}
        onClose={() => setPending(undefined)}
        aria-labelledby="gitops-delivery-title"
      >
        <DialogTitle id="gitops-delivery-title">{pending?.label}</DialogTitle>
        <DialogContent>
          {pending?.question} It is validated (kustomize, policy) before it
          opens; merging it deploys.
          {error && (
            <Box mt={1}>
              <Alert severity="error">{refusalMessage(error)}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(undefined)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={confirm}
          >
            Open pull request
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
