import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useSearchParams } from 'react-router-dom';
import { useEntityGitops, useEntityHistory } from '../../hooks';
import { useIdleAfter } from '../../hooks/useIdleAfter';
import { LIVE_DIFF_PARAM } from '../../prefetch/liveDiffParam';
import {
  prefetchKeys,
  usePrefetchSettled,
} from '../../prefetch/PrefetchContext';
import { ClusterBanners } from './ClusterBanners';
import { EmptyGitops } from './EmptyGitops';
import { EnvironmentGrid } from './EnvironmentGrid';
import { HistoryList } from './HistoryList';
import { EntityPreviews } from './PreviewEnvironments';
import { PromotionPipeline } from './PromotionPipeline';
import { DeliveryTimeline } from '../DeliveryTimeline';
import { EntityDeliveryMetrics } from '../DeliveryMetrics';
import { LiveUpdatesNotice } from '../shared';

function Loading(props: { what: string }) {
  return (
    <Box role="status" aria-label={`Loading ${props.what}`}>
      <Typography variant="body2">Loading {props.what}…</Typography>
      <Progress />
    </Box>
  );
}

/** The entity's status transitions, newest first. */
function EntityHistory(props: { entity: Entity }) {
  const history = useEntityHistory(props.entity);
  return (
    <InfoCard title="History">
      {history.error && !history.value && (
        <ResponseErrorPanel error={history.error} />
      )}
      {!history.value && !history.error && <Loading what="history" />}
      {history.value && <HistoryList items={history.value.items} />}
    </InfoCard>
  );
}

/**
 * The GitOps tab of a component: the promotion pipeline (with its promote and roll back actions), environments ×
 * clusters, the delivery timeline, then history. The first screen (pipeline and environments) comes from one
 * request; the part below it (timeline, metrics, history: three more requests and the charts' code) mounts at the
 * browser's first idle moment after that screen has its data (and the live diff a `?diff=` link opened, its answer),
 * so it does not compete with it.
 */
export function EntityGitopsContent() {
  const { entity } = useEntity();
  const { tab } = useEntityGitops(entity);
  // A live diff opened by its link renders 50 highlighted resources: the part below waits for it too.
  const [params] = useSearchParams();
  const diffKey = params.get(LIVE_DIFF_PARAM);
  const linkedDiffSettled = usePrefetchSettled(
    diffKey
      ? prefetchKeys.liveDiff(stringifyEntityRef(entity), diffKey)
      : undefined,
  );
  const later = useIdleAfter(
    (tab.value !== undefined || !!tab.error) && linkedDiffSettled,
  );

  // A refetch keeps showing the previous data; only the first load shows progress.
  if (tab.error && !tab.value) {
    return <ResponseErrorPanel error={tab.error} />;
  }
  const status = tab.value?.status;
  const noObjects = status?.objects.length === 0;
  return (
    <>
      <LiveUpdatesNotice />
      {status && <ClusterBanners clusters={status.clusters} />}
      {noObjects ? (
        <EmptyGitops />
      ) : (
        <>
          <InfoCard title="Promotion pipeline">
            <PromotionPipeline entity={entity} pipeline={tab.value?.pipeline} />
          </InfoCard>
          <Box mt={2}>
            <InfoCard title="Environments">
              {status ? (
                <EnvironmentGrid
                  objects={status.objects}
                  clusters={status.clusters}
                />
              ) : (
                <Loading what="GitOps status" />
              )}
            </InfoCard>
          </Box>
        </>
      )}
      {later && (
        <>
          <EntityPreviews entity={entity} />
          <Box mt={2}>
            <DeliveryTimeline entity={entity} />
          </Box>
          <EntityDeliveryMetrics entity={entity} />
          <Box mt={2}>
            <EntityHistory entity={entity} />
          </Box>
        </>
      )}
    </>
  );
}
