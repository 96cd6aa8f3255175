import { Health } from '../../schema';
import { healthFromLuaOutcome, LuaHealthOutcome } from './luaHealthResult';

describe('healthFromLuaOutcome', () => {
  it.each<[string, LuaHealthOutcome, Health]>([
    [
      'a table with status and message',
      { type: 'table', status: 'Degraded', message: 'broken' },
      { status: 'Degraded', message: 'broken' },
    ],
    [
      'an empty message is left out',
      { type: 'table', status: 'Healthy', message: '' },
      { status: 'Healthy' },
    ],
    [
      'Missing is a health code too',
      { type: 'table', status: 'Missing' },
      { status: 'Missing' },
    ],
    [
      'an error',
      { error: 'health.lua:3: attempt to index a nil value' },
      {
        status: 'Unknown',
        message:
          'Health script failed: health.lua:3: attempt to index a nil value',
      },
    ],
    [
      'a value that is not a table',
      { type: 'boolean' },
      {
        status: 'Unknown',
        message: 'expect table output from Lua script, not boolean',
      },
    ],
    [
      'an empty table',
      { type: 'table', empty: true },
      {
        status: 'Unknown',
        message:
          'json: cannot unmarshal array into Go value of type health.HealthStatus',
      },
    ],
    [
      'no status',
      { type: 'table', message: 'hi' },
      { status: 'Unknown', message: 'Lua returned an invalid health status' },
    ],
    [
      'a status that is no health code',
      { type: 'table', status: 'healthy' },
      { status: 'Unknown', message: 'Lua returned an invalid health status' },
    ],
    [
      'a message that is not a string',
      { type: 'table', status: 'Healthy', messageType: 'number' },
      {
        status: 'Unknown',
        message: 'Lua returned a message that is not a string (number)',
      },
    ],
  ])('%s', (_name, outcome, expected) => {
    expect(healthFromLuaOutcome(outcome)).toEqual(expected);
  });

  it('clips a long message', () => {
    const result = healthFromLuaOutcome({
      type: 'table',
      status: 'Degraded',
      message: 'x'.repeat(10_000),
    });
    expect(result.message).toHaveLength(4096);
    expect(result.message?.endsWith('…')).toBe(true);
  });
});
