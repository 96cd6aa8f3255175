import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { commitUrl, shortRevision } from '../shared';

/** A revision, short, linked to its commit when the repo is a GitHub-style one. */
export function RevisionCode(props: {
  repoURL?: string;
  revision: string;
  /** The revision exactly as the engine wrote it, shown on hover. */
  raw?: string;
}) {
  const { repoURL, revision, raw } = props;
  const short = shortRevision(revision);
  const url = commitUrl(repoURL, revision);
  return url ? (
    <Link to={url} aria-label={`Commit ${short}`}>
      <code>{short}</code>
    </Link>
  ) : (
    <code title={raw ?? revision}>{short}</code>
  );
}

/** The deployed revision, linked to its commit when the source is a GitHub-style repo. */
export function RevisionLink(props: { object: ObjectStatus }) {
  const { revision, source, revisionRaw } = props.object;
  if (!revision) return null;
  return (
    <Typography variant="body2" component="span">
      Revision{' '}
      <RevisionCode
        repoURL={source?.repoURL}
        revision={revision}
        raw={revisionRaw}
      />
    </Typography>
  );
}
