import { Fragment, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import type {
  PipelineResponse,
  PullRequestResponse,
} from '@gitops-portal/plugin-gitops-common';
import {
  DeliveryDialog,
  deliveryRefusal,
  EnvironmentActions,
  OpenedPullRequest,
  useDeliveryPermissions,
  type DeliveryAction,
} from './DeliveryActions';
import { PipelineColumn } from './PipelineColumn';
import { PipelineGapView } from './PipelineGapView';

/**
 * The promotion pipeline of a service: one column per environment in delivery order (status, version, config
 * commit, age, actions), and between neighbours what differs. Promote offers every later environment and roll back
 * the environment's history, each through a dialog that previews the pull request; users the permission policy
 * does not allow see no buttons but a sentence saying which permission they lack. The tab fetches the pipeline
 * (with its status, in one request) and gives it here; undefined while it loads.
 */
export function PromotionPipeline(props: {
  entity: Entity;
  pipeline?: PipelineResponse;
}) {
  const { entity, pipeline } = props;
  const permissions = useDeliveryPermissions(entity);
  const [pending, setPending] = useState<DeliveryAction>();
  const [result, setResult] = useState<PullRequestResponse>();

  if (!pipeline) {
    return (
      <Box role="status" aria-label="Loading the promotion pipeline">
        <Progress />
      </Box>
    );
  }
  const { environments, gaps } = pipeline;
  if (environments.length === 0) {
    return (
      <Typography variant="body2">
        No Argo CD Application or Flux Kustomization/HelmRelease delivers this
        service yet.
      </Typography>
    );
  }
  const names = environments.map(e => e.environment);
  const refusal = deliveryRefusal(entity.metadata.name, permissions);
  return (
    <>
      <OpenedPullRequest result={result} />
      <Box
        role="region"
        aria-label="Promotion pipeline"
        display="flex"
        flexWrap="wrap"
        alignItems="flex-start"
        style={{ gap: 8 }}
      >
        {environments.map((environment, i) => (
          <Fragment key={environment.environment}>
            {i > 0 && gaps[i - 1] && <PipelineGapView gap={gaps[i - 1]} />}
            <PipelineColumn
              environment={environment}
              actions={
                <EnvironmentActions
                  environment={environment.environment}
                  later={names.slice(i + 1)}
                  permissions={permissions}
                  onAction={setPending}
                />
              }
            />
          </Fragment>
        ))}
      </Box>
      {refusal && (
        <Typography variant="caption" color="textSecondary" component="p">
          {refusal}
        </Typography>
      )}
      <DeliveryDialog
        key={pending?.label ?? 'closed'}
        entity={entity}
        action={pending}
        onClose={() => setPending(undefined)}
        onOpened={opened => {
          setResult(opened);
          setPending(undefined);
        }}
      />
    </>
  );
}
