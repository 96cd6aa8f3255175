import Alert from '@material-ui/lab/Alert';
import { useLiveUpdates } from '../../hooks/useLiveUpdates';
import { FALLBACK_POLL_MS } from '../../signals/signalHub';

/**
 * Says so when live updates do not reach the page (signals blocked by a proxy, the backend restarting): what the
 * view shows may be behind, and it refreshes on a timer until they come back.
 */
export function LiveUpdatesNotice() {
  const live = useLiveUpdates();
  if (live?.state !== 'broken') return null;
  return (
    <Alert severity="info" role="status" style={{ marginBottom: 16 }}>
      Live updates have not reached this page since{' '}
      {new Date(live.since).toLocaleTimeString()}: it refreshes every{' '}
      {FALLBACK_POLL_MS / 1000} s until they are back.
    </Alert>
  );
}
