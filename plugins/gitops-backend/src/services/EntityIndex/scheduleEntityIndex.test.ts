import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { scheduleEntityIndex } from './scheduleEntityIndex';

describe('scheduleEntityIndex', () => {
  it('reloads the index at the configured frequency, on every replica', async () => {
    const scheduled: SchedulerServiceTaskScheduleDefinition[] = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        scheduled.push(task);
      },
    });
    await scheduleEntityIndex({
      entityIndex: { refresh: async () => 1 },
      frequencyMs: 5_000,
      scheduler,
      lifecycle: mockServices.lifecycle.mock(),
      logger: mockServices.logger.mock(),
    });
    expect(scheduled).toEqual([
      expect.objectContaining({
        frequency: { milliseconds: 5_000 },
        scope: 'local',
      }),
    ]);
  });
});
