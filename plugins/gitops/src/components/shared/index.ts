export { HealthChip, SyncChip } from './StatusChips';
export { commitUrl, formatDuration, shortRevision, timeSince } from './format';
export { orderEnvironments } from './environmentOrder';
export { LiveUpdatesNotice } from './LiveUpdatesNotice';
