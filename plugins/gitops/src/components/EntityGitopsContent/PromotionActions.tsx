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
  type PullRequestResponse,
} from '@internal/plugin-gitops-common';
import { gitopsApiRef } from '../../api';

type Step = { from: string; to: string };

/** The backend's own words for a refusal (a ResponseError carries them in its body), else the error message. */
function refusalMessage(error: Error): string {
  const body = (error as Partial<ResponseError>).body;
  return body?.error?.message ?? error.message;
}

/** Each environment with the one after it: the promotions a user can ask for. */
export function promotionSteps(environments: string[]): Step[] {
  return environments.slice(1).map((to, i) => ({ from: environments[i], to }));
}

/**
 * Buttons that open a promotion pull request (env → next env), shown only to users the permission policy allows
 * to promote this entity; each asks for confirmation, then links to the pull request.
 */
export function PromotionActions(props: {
  entity: Entity;
  environments: string[];
}) {
  const api = useApi(gitopsApiRef);
  const { allowed } = usePermission({
    permission: gitopsPromotePermission,
    resourceRef: stringifyEntityRef(props.entity),
  });
  const [pending, setPending] = useState<Step>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PullRequestResponse>();
  const [error, setError] = useState<Error>();
  const steps = promotionSteps(props.environments);
  if (!allowed || steps.length === 0) return null;

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.promote(getCompoundEntityRef(props.entity), pending));
      setPending(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mb={2}>
      {steps.map(step => (
        <Box component="span" mr={1} key={`${step.from}-${step.to}`}>
          <Button
            variant="outlined"
            size="small"
            onClick={() => setPending(step)}
          >
            Promote {step.from} → {step.to}
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
        aria-labelledby="gitops-promote-title"
      >
        <DialogTitle id="gitops-promote-title">
          Promote {pending?.from} → {pending?.to}
        </DialogTitle>
        <DialogContent>
          Open a pull request to the GitOps config repo that copies the image of{' '}
          {pending?.from} to {pending?.to}? It is validated (kustomize, policy)
          before it opens; merging it deploys.
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
