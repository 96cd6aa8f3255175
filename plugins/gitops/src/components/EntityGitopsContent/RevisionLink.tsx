import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { commitUrl, shortRevision } from '../shared';

/** The deployed revision, linked to its commit when the source is a GitHub-style repo. */
export function RevisionLink(props: { object: ObjectStatus }) {
  const { revision, source } = props.object;
  if (!revision) return null;
  const short = shortRevision(revision);
  const url = commitUrl(source?.repoURL, revision);
  return (
    <Typography variant="body2" component="span">
      Revision{' '}
      {url ? (
        <Link to={url} aria-label={`Commit ${short}`}>
          <code>{short}</code>
        </Link>
      ) : (
        <code title={props.object.revisionRaw ?? revision}>{short}</code>
      )}
    </Typography>
  );
}
