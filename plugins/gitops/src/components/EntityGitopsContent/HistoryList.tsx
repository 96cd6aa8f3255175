import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { HistoryEntry } from '@gitops-portal/plugin-gitops-common';
import { shortRevision, timeSince } from '../shared';

const revisionChange = (label: string, from?: string, to?: string) =>
  from !== to && to
    ? [
        `${label} ${from ? `${shortRevision(from)} → ` : ''}${shortRevision(
          to,
        )}`,
      ]
    : [];

/** A source by its chart or its repo URL (without the scheme); by its place when the row has no sources. */
function sourceLabel(entry: HistoryEntry, i: number): string {
  const source = entry.sources?.[i];
  const name = source?.chart ?? source?.repoURL.replace(/^[a-z]+:\/\//, '');
  return name ? `${name} revision` : `source ${i + 1} revision`;
}

/** A multi-source Application changes each source's revision on its own: every changed one is shown. */
function revisionChanges(entry: HistoryEntry): string[] {
  const { from, to } = entry;
  if (to.revisions && to.revisions.length > 1) {
    return to.revisions.flatMap((revision, i) =>
      revisionChange(sourceLabel(entry, i), from.revisions?.[i], revision),
    );
  }
  return revisionChange('revision', from.revision, to.revision);
}

function change(entry: HistoryEntry): string {
  const { from, to } = entry;
  const parts = revisionChanges(entry);
  if (from.sync !== to.sync)
    parts.push(`${from.sync ? `${from.sync} → ` : ''}${to.sync}`);
  if (from.health !== to.health) {
    parts.push(`${from.health ? `${from.health} → ` : ''}${to.health}`);
  }
  return parts.join(', ') || 'observed';
}

/** Revisions and status transitions, newest first as the backend returns them. */
export function HistoryList(props: { items: HistoryEntry[] }) {
  if (props.items.length === 0) {
    return <Typography variant="body2">No changes recorded yet.</Typography>;
  }
  return (
    <List dense aria-label="History">
      {props.items.map(entry => (
        <ListItem key={entry.id}>
          <ListItemText
            primary={`${entry.kind} ${entry.name} (${entry.cluster}${
              entry.environment ? `, ${entry.environment}` : ''
            }): ${change(entry)}`}
            secondary={timeSince(entry.at)}
          />
        </ListItem>
      ))}
    </List>
  );
}
