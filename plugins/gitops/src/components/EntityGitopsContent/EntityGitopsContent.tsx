import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityGitops } from '../../hooks';
import { ClusterBanners } from './ClusterBanners';
import { EmptyGitops } from './EmptyGitops';
import { EnvironmentGrid } from './EnvironmentGrid';
import { HistoryList } from './HistoryList';
import { PromotionPipeline } from './PromotionPipeline';
import { DeliveryTimeline } from '../DeliveryTimeline';
import { EntityDeliveryMetrics } from '../DeliveryMetrics';

function Loading(props: { what: string }) {
  return (
    <Box role="status" aria-label={`Loading ${props.what}`}>
      <Typography variant="body2">Loading {props.what}…</Typography>
      <Progress />
    </Box>
  );
}

/**
 * The GitOps tab of a component: the promotion pipeline (with its promote and roll back actions), environments ×
 * clusters, the delivery timeline, then history. Every part fetches as soon as the tab opens, not after the status:
 * a waterfall of status → pipeline, timeline, metrics would add a round trip to each.
 */
export function EntityGitopsContent() {
  const { entity } = useEntity();
  const { status, history, entityRef } = useEntityGitops(entity);

  // A refetch keeps showing the previous data; only the first load shows progress.
  if (status.error && !status.value) {
    return <ResponseErrorPanel error={status.error} />;
  }
  const noObjects = status.value?.objects.length === 0;
  return (
    <>
      {status.value && <ClusterBanners clusters={status.value.clusters} />}
      {noObjects ? (
        <EmptyGitops />
      ) : (
        <>
          <InfoCard title="Promotion pipeline">
            <PromotionPipeline entity={entity} entityRef={entityRef} />
          </InfoCard>
          <Box mt={2}>
            <InfoCard title="Environments">
              {status.value ? (
                <EnvironmentGrid
                  objects={status.value.objects}
                  clusters={status.value.clusters}
                />
              ) : (
                <Loading what="GitOps status" />
              )}
            </InfoCard>
          </Box>
        </>
      )}
      <Box mt={2}>
        <DeliveryTimeline entity={entity} />
      </Box>
      <EntityDeliveryMetrics entity={entity} />
      <Box mt={2}>
        <InfoCard title="History">
          {history.error && !history.value && (
            <ResponseErrorPanel error={history.error} />
          )}
          {!history.value && !history.error && <Loading what="history" />}
          {history.value && <HistoryList items={history.value.items} />}
        </InfoCard>
      </Box>
    </>
  );
}
