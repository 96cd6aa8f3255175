import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { PipelineCommit } from '@gitops-portal/plugin-gitops-common';
import { shortRevision } from '../shared';

/** A config-repo commit: short sha (linked), first line, author and pull request; else why only the sha shows. */
export function PipelineCommitLine(props: {
  commit: PipelineCommit;
  /** Leave out the reason GitHub could not be asked (a list says it once). */
  quiet?: boolean;
}) {
  const { commit } = props;
  const short = shortRevision(commit.sha);
  return (
    <Typography component="div" variant="body2">
      {commit.url ? (
        <Link to={commit.url} aria-label={`Commit ${short}`}>
          <code>{short}</code>
        </Link>
      ) : (
        <code title={commit.sha}>{short}</code>
      )}
      {commit.message && <> {commit.message}</>}
      {(commit.author || commit.pullRequest) && (
        <Typography component="div" variant="caption" color="textSecondary">
          {commit.author && <>by {commit.author}</>}
          {commit.author && commit.pullRequest && ' · '}
          {commit.pullRequest &&
            (commit.pullRequest.url ? (
              <Link
                to={commit.pullRequest.url}
                aria-label={`Pull request #${commit.pullRequest.number}: ${commit.pullRequest.title}`}
              >
                #{commit.pullRequest.number}
              </Link>
            ) : (
              <>#{commit.pullRequest.number}</>
            ))}
        </Typography>
      )}
      {commit.unavailable && !props.quiet && (
        <Typography component="div" variant="caption" color="textSecondary">
          {commit.unavailable}
        </Typography>
      )}
    </Typography>
  );
}
