import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import type { DeliveryMetricsWindow } from '@gitops-portal/plugin-gitops-common';
import { gitopsApiRef, type DeliveryMetricsSubject } from '../../api';
import { useGitopsSignal } from '../../hooks';
import { useRefetchableAsync } from '../../hooks/useRefetchableAsync';
import { chartRows, metricTiles } from './metricValues';
import { useIdleAfter } from '../../hooks/useIdleAfter';

// recharts is loaded only when a metrics view is shown (after the view above it, see useIdleAfter): it stays out of
// the bundle of every other page.
const DeliveryMetricsCharts = lazy(() => import('./DeliveryMetricsCharts'));

const refOf = (subject: DeliveryMetricsSubject) =>
  stringifyEntityRef('entity' in subject ? subject.entity : subject.team);

/** Saves text as a file through a temporary link (the CSV needs the Backstage token, so no plain href). */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Deployment frequency, lead time, change failure rate and time to restore of an entity or a team over 30 or 90
 * days: each number with its definition, charts with data tables as their text alternative, and a CSV download.
 */
export function DeliveryMetrics(props: { subject: DeliveryMetricsSubject }) {
  const { subject } = props;
  const api = useApi(gitopsApiRef);
  const alertApi = useApi(alertApiRef);
  const [window, setWindow] = useState<DeliveryMetricsWindow>(30);
  const ref = refOf(subject);
  const metrics = useRefetchableAsync(
    () => api.getDeliveryMetrics(subject, { window }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref, window],
  );
  // A status change of a counted entity may be a deployment or an incident: count again.
  const watched = useMemo(
    () => metrics.value?.entityRefs ?? ('entity' in subject ? [ref] : []),
    [metrics.value, subject, ref],
  );
  const shows = useMemo(() => [metrics.value], [metrics.value]);
  useGitopsSignal(watched, metrics.refetch, { shows });

  const download = useCallback(async () => {
    try {
      const csv = await api.getDeliveryMetricsCsv(subject, { window });
      saveFile(
        `delivery-metrics-${ref.replace(
          /[^a-zA-Z0-9-]+/g,
          '_',
        )}-${window}d.csv`,
        csv,
      );
    } catch (error) {
      alertApi.post({
        message: `CSV download failed: ${error}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, subject, ref, window]);

  const value = metrics.value;
  const tiles = value ? metricTiles(value) : [];
  const rows = useMemo(() => (value ? chartRows(value) : []), [value]);
  const chartsDue = useIdleAfter(value !== undefined);
  return (
    <InfoCard
      title="Delivery metrics"
      subheader={
        value
          ? `${value.entityRefs.length} ${
              value.entityRefs.length === 1 ? 'entity' : 'entities'
            }, ${value.environment ?? 'all environments'}, by ${
              value.window.bucket
            }; failure window ${Math.round(value.failureWindowSeconds / 3600)}h`
          : undefined
      }
      action={
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mt={1}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={window}
            aria-label="Window"
            onChange={(_, next) => next && setWindow(next)}
          >
            <ToggleButton value={30} aria-label="30 days">
              30 days
            </ToggleButton>
            <ToggleButton value={90} aria-label="90 days">
              90 days
            </ToggleButton>
          </ToggleButtonGroup>
          <Button size="small" variant="outlined" onClick={download}>
            Download CSV
          </Button>
        </Box>
      }
    >
      {metrics.error && !value && <ResponseErrorPanel error={metrics.error} />}
      {!value && !metrics.error && <Progress />}
      {value && (
        <>
          <Grid
            container
            spacing={2}
            component="dl"
            aria-label="Delivery metrics"
          >
            {tiles.map(tile => (
              <Grid item xs={12} sm={6} md={3} key={tile.metric}>
                <Typography component="dt" variant="overline">
                  {tile.label}
                </Typography>
                <Typography component="dd" variant="h5" style={{ margin: 0 }}>
                  {tile.value}
                </Typography>
                <Typography
                  component="dd"
                  variant="body2"
                  style={{ margin: 0 }}
                >
                  {tile.detail}
                </Typography>
                <Typography
                  component="dd"
                  variant="caption"
                  color="textSecondary"
                  style={{ margin: 0 }}
                >
                  {value.definitions[tile.metric]}
                </Typography>
              </Grid>
            ))}
          </Grid>
          <Box mt={2}>
            {chartsDue ? (
              <Suspense fallback={<Progress />}>
                <DeliveryMetricsCharts
                  rows={rows}
                  summaries={{
                    deployments: tiles[0].detail,
                    leadTime: `lead time ${tiles[1].value} (${tiles[1].detail})`,
                    timeToRestore: `time to restore ${tiles[3].value} (${tiles[3].detail})`,
                  }}
                />
              </Suspense>
            ) : (
              <Progress />
            )}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
