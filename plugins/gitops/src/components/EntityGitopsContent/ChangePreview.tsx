import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Progress } from '@backstage/core-components';
import type { PullRequestPreviewResponse } from '@gitops-portal/plugin-gitops-common';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'monospace',
    fontSize: theme.typography.pxToRem(12),
    margin: theme.spacing(0.5, 0, 1),
    padding: theme.spacing(1),
    overflowX: 'auto',
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  added: { color: theme.palette.success.dark, display: 'block' },
  removed: { color: theme.palette.error.dark, display: 'block' },
  hunk: { color: theme.palette.info.dark, display: 'block' },
  context: { display: 'block' },
}));

/** The unified diff without its `Index:`/`===` preamble, each line classed by its first character. */
function DiffLines(props: { diff: string }) {
  const classes = useStyles();
  const lines = props.diff
    .split('\n')
    .filter(line => !line.startsWith('Index:') && !/^=+$/.test(line));
  return (
    <pre className={classes.diff}>
      {lines.map((line, i) => {
        let className = classes.context;
        if (line.startsWith('@@')) className = classes.hunk;
        else if (line.startsWith('+')) className = classes.added;
        else if (line.startsWith('-')) className = classes.removed;
        return (
          <span key={i} className={className}>
            {line || ' '}
          </span>
        );
      })}
    </pre>
  );
}

/** The change a pull request would propose, file by file, before it is opened. */
export function ChangePreview(props: {
  preview?: PullRequestPreviewResponse;
  loading: boolean;
}) {
  const { preview, loading } = props;
  if (loading) {
    return (
      <Box role="status" aria-label="Loading the proposed change">
        <Typography variant="body2">Validating the change…</Typography>
        <Progress />
      </Box>
    );
  }
  if (!preview) return null;
  if (preview.status === 'empty') {
    return (
      <Typography variant="body2">
        Nothing to change: the config repo already has it.
      </Typography>
    );
  }
  return (
    <Box component="section" aria-label="Proposed change">
      <Typography variant="subtitle2">
        The pull request will change {preview.files.length} file
        {preview.files.length === 1 ? '' : 's'} on {preview.branch}:
      </Typography>
      {preview.files.map(file => (
        <Box key={file.path} component="figure" m={0}>
          <Typography variant="caption" component="figcaption">
            {file.change === 'delete' ? 'delete' : 'edit'} {file.path}
          </Typography>
          <DiffLines diff={file.diff} />
        </Box>
      ))}
    </Box>
  );
}
