import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
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
import { rollbackPoints, type PromotionStep } from './deliveryActionModel';

/** One button: what it says, what the dialog asks, and the pull request it previews and opens. */
export interface DeliveryAction {
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

export function promotionAction({ from, to }: PromotionStep): DeliveryAction {
  return {
    label: `Promote ${from} → ${to}`,
    question: `Open a pull request to the GitOps config repo that copies the image of ${from} to ${to}?`,
    preview: (api, entity) =>
      api.previewPromotion(getCompoundEntityRef(entity), { from, to }),
    run: (api, entity) =>
      api.promote(getCompoundEntityRef(entity), { from, to }),
  };
}

export function rollbackAction(environment: string): DeliveryAction {
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
 * The dialog of one delivery action (render it keyed by the action, so each starts afresh): it shows the change the pull request will propose (validated, as diffs)
 * before the user opens it, and the backend's refusal in its own words.
 */
export function DeliveryDialog(props: {
  entity: Entity;
  action?: DeliveryAction;
  onClose(): void;
  onOpened(result: PullRequestResponse): void;
}) {
  const { action: pending, entity } = props;
  const api = useApi(gitopsApiRef);
  const [toRevision, setToRevision] = useState('');
  const [busy, setBusy] = useState(false);
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
      .preview(api, entity, toRevision || undefined)
      .then(
        value => current && setPreview(value),
        e => current && setError(e as Error),
      )
      .finally(() => current && setPreviewing(false));
    return () => {
      current = false;
    };
  }, [api, pending, entity, toRevision]);

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      props.onOpened(await pending.run(api, entity, toRevision || undefined));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={!!pending}
      onClose={props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="gitops-delivery-title"
    >
      <DialogTitle id="gitops-delivery-title">{pending?.label}</DialogTitle>
      <DialogContent>
        {pending?.question} It is validated (kustomize, policy) before it opens;
        merging it deploys.
        {pending?.rollbackOf && (
          <RollbackPointPicker
            entity={entity}
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
        <Button onClick={props.onClose}>Cancel</Button>
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
  );
}

/** Whether the signed-in user may promote and roll back this entity (the permission policy's decisions). */
export function useDeliveryPermissions(entity: Entity) {
  const resourceRef = stringifyEntityRef(entity);
  const promote = usePermission({
    permission: gitopsPromotePermission,
    resourceRef,
  });
  const rollback = usePermission({
    permission: gitopsRollbackPermission,
    resourceRef,
  });
  return {
    loading: promote.loading || rollback.loading,
    promote: promote.allowed,
    rollback: rollback.allowed,
  };
}

export type DeliveryPermissions = ReturnType<typeof useDeliveryPermissions>;

/** Why a user sees no promote or roll back button: the permissions the policy does not grant, named. */
export function deliveryRefusal(
  entityName: string,
  permissions: DeliveryPermissions,
): string | undefined {
  if (permissions.loading) return undefined;
  const missing = [
    ...(permissions.promote ? [] : [gitopsPromotePermission.name]),
    ...(permissions.rollback ? [] : [gitopsRollbackPermission.name]),
  ];
  if (missing.length === 0) return undefined;
  const verbs = [
    ...(permissions.promote ? [] : ['promote']),
    ...(permissions.rollback ? [] : ['roll back']),
  ].join(' or ');
  return `You cannot ${verbs} ${entityName}: the permission policy does not grant you ${missing.join(
    ' and ',
  )} on it.`;
}

/**
 * The buttons of one environment's column: promote it to every later environment, and roll it back. A kind of
 * button the permission policy does not allow is not shown (the pipeline says why once).
 */
export function EnvironmentActions(props: {
  environment: string;
  later: string[];
  permissions: DeliveryPermissions;
  onAction(action: DeliveryAction): void;
}) {
  const { environment, later, permissions } = props;
  const actions = [
    ...(permissions.promote
      ? later.map(to => promotionAction({ from: environment, to }))
      : []),
    ...(permissions.rollback ? [rollbackAction(environment)] : []),
  ];
  if (actions.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }} mt={1}>
      {actions.map(action => (
        <Button
          key={action.label}
          variant="outlined"
          size="small"
          onClick={() => props.onAction(action)}
        >
          {action.label}
        </Button>
      ))}
    </Box>
  );
}

/** The pull request a delivery action opened, linked. */
export function OpenedPullRequest(props: { result?: PullRequestResponse }) {
  if (!props.result) return null;
  const { url, number, branch } = props.result;
  return (
    <Box mb={1}>
      <Alert severity="success">
        <Typography variant="body2" component="span">
          Pull request opened:{' '}
          <Link to={url}>
            #{number} ({branch})
          </Link>
        </Typography>
      </Alert>
    </Box>
  );
}
