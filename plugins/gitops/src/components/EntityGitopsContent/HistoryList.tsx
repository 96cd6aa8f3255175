import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { HistoryEntry } from '@gitops-portal/plugin-gitops-common';
import { shortRevision, timeSince } from '../shared';

function change(entry: HistoryEntry): string {
  const parts: string[] = [];
  const { from, to } = entry;
  if (from.revision !== to.revision && to.revision) {
    parts.push(
      `revision ${
        from.revision ? `${shortRevision(from.revision)} → ` : ''
      }${shortRevision(to.revision)}`,
    );
  }
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
