import type { EnvironmentCell } from '@gitops-portal/plugin-gitops-common';
import { cellTone, type StatusTone } from './statusTone';

describe('cellTone', () => {
  it.each<[EnvironmentCell['health'], EnvironmentCell['sync'], StatusTone]>([
    ['Healthy', 'Synced', 'ok'],
    ['Healthy', 'Unknown', 'ok'],
    ['Healthy', 'OutOfSync', 'warning'],
    ['Progressing', 'Synced', 'pending'],
    ['Progressing', 'OutOfSync', 'warning'],
    ['Suspended', 'Synced', 'warning'],
    ['Unknown', 'Synced', 'warning'],
    ['Missing', 'Synced', 'error'],
    ['Degraded', 'OutOfSync', 'error'],
  ])('%s and %s is %s', (health, sync, tone) => {
    expect(cellTone({ health, sync })).toBe(tone);
  });
});
