import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * Flags an object that other entities' annotations claim too: it shows on each of them, which is usually a
 * mapping mistake (two `argocd/app-name`s, a selector too wide) the owners want to see.
 */
export function AmbiguityChip(props: { alsoClaimedBy: string[] }) {
  const others = props.alsoClaimedBy.join(', ');
  return (
    <Tooltip title={`Also shown on ${others}: their annotations match it too`}>
      <Chip
        size="small"
        variant="outlined"
        label="Ambiguous"
        aria-label={`Ambiguous mapping: also shown on ${others}`}
      />
    </Tooltip>
  );
}
