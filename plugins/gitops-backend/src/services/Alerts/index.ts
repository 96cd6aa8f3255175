export { createAlertService } from './createAlertService';
export type { AlertServiceOptions } from './createAlertService';
export { readAlertsConfig } from './config';
export type { AlertCluster, AlertsConfig, AlertService } from './types';
