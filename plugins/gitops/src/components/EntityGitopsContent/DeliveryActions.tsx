import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
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
  type PullRequestPreviewResponse,
  type PullRequestResponse,
} from '@gitops-portal/plugin-gitops-common';
import useAsync from 'react-use/esm/useAsync';
import { gitopsApiRef, type GitopsApi } from '../../api';
import { ChangePreview } from './ChangePreview';
import {
  promotionSteps,
  rollbackPoints,
  type PromotionStep,
} from './deliveryActionModel';

export { promotionSteps } from './deliveryActionModel';

/** One button: what it says, what the dialog asks, and the pull request it previews and opens. */
interface DeliveryAction {
  label: string;
  question: string;
  /** Set for a rollback: the environment whose history offers the points to go back to. */
  rollbackOf?: string;
  preview(
    api: GitopsApi,
    entity: Entity,
    toRevision?: string,
  ): Promise<PullRequestPreviewResponse>;
  run(
    api: GitopsApi,
    entity: Entity,
    toRevision?: string,
  ): Promise<PullRequestResponse>;
}

function promotionAction({ from, to }: PromotionStep): DeliveryAction {
  return {
    label: `Promote ${from} → ${to}`,
    question: `Open a pull request to the GitOps config repo that copies the image of ${from} to ${to}?`,
    preview: (api, entity) =>
      api.previewPromotion(getCompoundEntityRef(entity), { from, to }),
    run: (api, entity) =>
      api.promote(getCompoundEntityRef(entity), { from, to }),
  };
}

function rollbackAction(environment: string): DeliveryAction {
  return {
    label: `Roll back ${environment}`,
    question: `Open a pull request to the GitOps config repo that rolls ${environment}'s overlay back?`,
    rollbackOf: environment,
    preview: (api, entity, toRevision) =>
      api.previewRollback(getCompoundEntityRef(entity), {
        environment,
        ...(toRevision ? { toRevision } : {}),
      }),
    run: (api, entity, toRevision) =>
      api.rollback(getCompoundEntityRef(entity), {
        environment,
        ...(toRevision ? { toRevision } : {}),
      }),
  };
}

/** The backend's own words for a refusal (a ResponseError carries them in its body), else the error message. */
function refusalMessage(error: Error): string {
  const body = (error as Partial<ResponseError>).body;
  return body?.error?.message ?? error.message;
}

/** Where a rollback goes: undo the last change, or restore a revision from the environment's delivery history. */
function RollbackPointPicker(props: {
  entity: Entity;
  environment: string;
  value: string;
  onChange(revision: string): void;
}) {
  const api = useApi(gitopsApiRef);
  const deliveries = useAsync(
    () => api.getDeliveries(getCompoundEntityRef(props.entity)),
    [api, props.entity],
  );
  const points = useMemo(
    () => rollbackPoints(deliveries.value?.items ?? [], props.environment),
    [deliveries.value, props.environment],
  );
  return (
    <TextField
      id="gitops-rollback-point"
      select
      fullWidth
      margin="dense"
      label="Roll back to"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      helperText={
        deliveries.loading ? 'Reading the delivery history…' : undefined
      }
    >
      <MenuItem value="">
        before the last change to {props.environment}
      </MenuItem>
      {points.map(point => (
        <MenuItem key={point.revision} value={point.revision}>
          {point.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Buttons that open delivery pull requests: promote (an environment to any later one) and roll back (per
 * environment, its last change or to a point of its history). Each kind is shown only to users the permission
 * policy allows on this entity; each dialog shows the change it will propose (validated, as diffs) before the user
 * opens the pull request, then links to it.
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
  const [toRevision, setToRevision] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PullRequestResponse>();
  const [error, setError] = useState<Error>();
  const [preview, setPreview] = useState<PullRequestPreviewResponse>();
  const [previewing, setPreviewing] = useState(false);

  // The proposed change, asked again whenever the dialog opens or the rollback point changes.
  useEffect(() => {
    if (!pending) return undefined;
    let current = true;
    setPreview(undefined);
    setError(undefined);
    setPreviewing(true);
    pending
      .preview(api, props.entity, toRevision || undefined)
      .then(
        value => current && setPreview(value),
        e => current && setError(e as Error),
      )
      .finally(() => current && setPreviewing(false));
    return () => {
      current = false;
    };
  }, [api, pending, props.entity, toRevision]);

  const actions = [
    ...(promote.allowed
      ? promotionSteps(props.environments).map(promotionAction)
      : []),
    ...(rollback.allowed ? props.environments.map(rollbackAction) : []),
  ];
  if (actions.length === 0) return null;

  const open = (action: DeliveryAction) => {
    setToRevision('');
    setPending(action);
  };
  const close = () => setPending(undefined);
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await pending.run(api, props.entity, toRevision || undefined));
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
          <Button variant="outlined" size="small" onClick={() => open(action)}>
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
        onClose={close}
        maxWidth="md"
        fullWidth
        aria-labelledby="gitops-delivery-title"
      >
        <DialogTitle id="gitops-delivery-title">{pending?.label}</DialogTitle>
        <DialogContent>
          {pending?.question} It is validated (kustomize, policy) before it
          opens; merging it deploys.
          {pending?.rollbackOf && (
            <RollbackPointPicker
              entity={props.entity}
              environment={pending.rollbackOf}
              value={toRevision}
              onChange={setToRevision}
            />
          )}
          <Box mt={1}>
            <ChangePreview preview={preview} loading={previewing} />
          </Box>
          {error && (
            <Box mt={1}>
              <Alert severity="error">{refusalMessage(error)}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
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
