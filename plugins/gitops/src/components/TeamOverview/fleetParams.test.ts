import { NO_FILTERS } from './teamRows';
import {
  fleetSearchParams,
  parseFleetParams,
  type FleetState,
} from './fleetParams';

describe('parseFleetParams', () => {
  it.each<[string, FleetState]>([
    ['', { teams: [], filters: NO_FILTERS }],
    [
      'team=group:default/a&team=group:default/b&team=group:default/a',
      { teams: ['group:default/a', 'group:default/b'], filters: NO_FILTERS },
    ],
    [
      'env=prod&cluster=prod-eu&health=Degraded&sync=OutOfSync&q=pay',
      {
        teams: [],
        filters: {
          environment: 'prod',
          cluster: 'prod-eu',
          health: 'Degraded',
          sync: 'OutOfSync',
          text: 'pay',
        },
      },
    ],
    ['health=Broken&sync=synced', { teams: [], filters: NO_FILTERS }],
  ])('reads %j', (search, expected) => {
    expect(parseFleetParams(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('fleetSearchParams', () => {
  it('leaves empty filters out', () => {
    expect(
      fleetSearchParams({
        teams: ['group:default/a'],
        filters: { ...NO_FILTERS, environment: 'prod' },
      }).toString(),
    ).toBe('team=group%3Adefault%2Fa&env=prod');
  });

  it('round-trips every field', () => {
    const state: FleetState = {
      teams: ['group:default/a', 'group:default/b'],
      filters: {
        environment: 'staging',
        cluster: 'eu-1',
        health: 'Missing',
        sync: 'Unknown',
        text: 'a b',
      },
    };
    expect(parseFleetParams(fleetSearchParams(state))).toEqual(state);
  });
});
