import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CodeSnippet } from '@backstage/core-components';
import type { LiveDiffResource } from '@gitops-portal/plugin-gitops-common';

/** What each comparison result says, in words (never colour alone). */
export const STATUS_TEXT: Record<LiveDiffResource['status'], string> = {
  differs: 'differs from the config repo',
  same: 'matches the config repo',
  'missing-live': 'missing in the cluster',
  'missing-desired': 'not in the config repo (would be pruned)',
  error: 'not compared',
};

/** `Kind namespace/name`. */
export const resourceName = (resource: LiveDiffResource) =>
  `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${
    resource.name
  }`;

/** One hunk of a unified diff: where it sits on each side, and its lines (` `, `-`, `+`). */
interface Hunk {
  caption: string;
  lines: string[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

const range = (start: string, count = '1') => {
  if (count === '0') return 'none';
  if (count === '1') return `line ${start}`;
  return `lines ${start}–${Number(start) + Number(count) - 1}`;
};

/**
 * The hunks of a unified diff, file headers dropped (the heading names the resource). Each hunk's position becomes a
 * caption in words rather than an `@@` line: the highlighter greys those out below the contrast WCAG asks for.
 */
export function hunksOf(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of diff.split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      hunks.push({
        caption: `Desired ${range(header[1], header[2])}, live ${range(
          header[3],
          header[4],
        )}`,
        lines: [],
      });
    } else if (hunks.length > 0 && /^[ +-]/.test(line)) {
      hunks[hunks.length - 1].lines.push(line);
    }
  }
  return hunks;
}

/*
 * Static classes, not Box: material-ui v4's Box makes a style rule of its own for every element it renders, and a
 * live diff renders two per resource (50 resources: 100 rules added to the page while the diff mounts).
 */
const useStyles = makeStyles(theme => ({
  resource: { marginBottom: theme.spacing(2) },
  hunk: { margin: theme.spacing(1, 0, 0) },
}));

/**
 * One resource: its name and result, and its diff hunk by hunk, highlighted as a unified diff by Backstage's
 * CodeSnippet (long lines wrap, so no region scrolls sideways without a keyboard way in).
 */
export function ResourceDiff(props: { resource: LiveDiffResource }) {
  const { resource } = props;
  const name = resourceName(resource);
  const classes = useStyles();
  return (
    <section aria-label={`Diff of ${name}`} className={classes.resource}>
      <Typography variant="subtitle2" component="h4">
        {name}: {STATUS_TEXT[resource.status]}
      </Typography>
      {resource.message && (
        <Typography variant="body2">{resource.message}</Typography>
      )}
      {hunksOf(resource.diff).map((hunk, i) => (
        <figure key={i} className={classes.hunk}>
          <Typography variant="caption" component="figcaption">
            {hunk.caption}
          </Typography>
          <CodeSnippet
            language="diff"
            text={hunk.lines.join('\n')}
            wrapLongLines
            customStyle={{ fontSize: 12, margin: 0 }}
          />
        </figure>
      ))}
    </section>
  );
}
