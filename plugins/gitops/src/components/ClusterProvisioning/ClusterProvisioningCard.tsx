import { useMemo } from 'react';
import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CLUSTER_ENVIRONMENT_KEY } from '@gitops-portal/plugin-gitops-common';
import { useEntityStatus } from '../../hooks';
import {
  clusterConfigSnippet,
  provisioningSummary,
  ProvisioningSummary,
} from './provisioningSummary';

/** The steps, what is under way, and once ready the configuration that adds the cluster to the portal. */
function ProvisioningProgress(props: {
  summary: ProvisioningSummary;
  entity: Entity;
}) {
  const { summary, entity } = props;
  return (
    <>
      <Typography variant="subtitle1" aria-label="Provisioning phase">
        {summary.ready ? 'Ready' : summary.phase}
      </Typography>
      <List dense aria-label="Provisioning steps">
        {summary.steps.map(step => (
          <ListItem key={step.label} disableGutters>
            {step.done ? (
              <StatusOK>{step.label}</StatusOK>
            ) : (
              <StatusPending>{step.label}</StatusPending>
            )}
          </ListItem>
        ))}
      </List>
      {summary.message && !summary.ready && (
        <Typography variant="caption" color="textSecondary">
          {summary.message}
        </Typography>
      )}
      {summary.ready && (
        <Box mt={1} role="region" aria-label="Cluster configuration">
          <Typography variant="body2">
            Add it to the portal's clusters with this backend configuration (a
            ServiceAccount token of the new cluster in the variable):
          </Typography>
          <CodeSnippet
            language="yaml"
            text={clusterConfigSnippet({
              name: entity.metadata.name,
              environment:
                entity.metadata.annotations?.[CLUSTER_ENVIRONMENT_KEY],
              apiServerUrl: summary.apiServerUrl,
            })}
            showCopyCodeButton
          />
        </Box>
      )}
    </>
  );
}

/**
 * A requested cluster's provisioning (entity card of a `kubernetes-cluster` Resource): the Cluster API phase, the
 * infrastructure, control plane and worker steps with their machines ready, live on `gitops:status` signals; once
 * ready, the `gitops.clusters` entry that adds the cluster to the portal.
 */
export function ClusterProvisioningCard() {
  const { entity } = useEntity();
  const status = useEntityStatus(entity);
  const summary = useMemo(
    () => status.value && provisioningSummary(status.value.objects),
    [status.value],
  );
  const waiting = status.error ? (
    <ResponseErrorPanel error={status.error} />
  ) : (
    <Progress />
  );
  return (
    <InfoCard title="Cluster provisioning">
      {!status.value && waiting}
      {status.value && !summary && (
        <Typography variant="body2">
          Not provisioning yet: the cluster's objects appear on the management
          cluster once its pull request is merged.
        </Typography>
      )}
      {summary && <ProvisioningProgress summary={summary} entity={entity} />}
    </InfoCard>
  );
}
