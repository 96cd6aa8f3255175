import { useMemo } from 'react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntityStatus } from '../../hooks';
import { StatusCell, useNow } from '../TeamOverview';
import { environmentLines } from './environmentLines';

/**
 * The entity overview's GitOps card: one line per environment (worst health, sync, revision, clusters, stale
 * age), live on `gitops:status` signals, linking to the GitOps tab.
 */
export function EntityOverviewCard() {
  const { entity } = useEntity();
  const entityLink = useRouteRef(entityRouteRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const status = useEntityStatus(entity);
  const now = useNow();
  const lines = useMemo(
    () => environmentLines(status.value?.objects ?? [], now),
    [status.value, now],
  );

  let body;
  if (status.error && !status.value) {
    body = <ResponseErrorPanel error={status.error} />;
  } else if (!status.value) {
    body = <Progress />;
  } else if (lines.length === 0) {
    body = (
      <Typography variant="body2">
        No GitOps objects are labelled with this component yet.
      </Typography>
    );
  } else {
    body = (
      <List dense aria-label="GitOps status by environment">
        {lines.map(line => (
          <ListItem key={line.environment} disableGutters>
            <Typography
              component="span"
              variant="subtitle2"
              style={{ minWidth: 88 }}
            >
              {line.environment}
            </Typography>
            <StatusCell
              cell={line.cell}
              staleAgeSeconds={line.staleAgeSeconds}
            />
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
              style={{ marginLeft: 8 }}
            >
              {line.clusters.join(', ')}
            </Typography>
          </ListItem>
        ))}
      </List>
    );
  }
  return (
    <InfoCard
      title="GitOps"
      deepLink={{
        title: 'Open the GitOps tab',
        // Catalog URLs spell the kind in lower case, as EntityRefLink does.
        link: `${entityLink({
          ...ref,
          kind: ref.kind.toLocaleLowerCase('en-US'),
        })}/gitops`,
      }}
    >
      {body}
    </InfoCard>
  );
}
