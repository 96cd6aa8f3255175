import { pickChartVersion } from './chartVersions';

const SERVED = ['5.2.0', '6.0.0', '6.1.0-rc.1', '6.0.1', '6.1.0-rc.2'];

describe('pickChartVersion', () => {
  it.each<[string, string | undefined, string[], object]>([
    [
      'no constraint: the latest release',
      undefined,
      SERVED,
      { version: '6.0.1' },
    ],
    ['`*`: the latest release', '*', SERVED, { version: '6.0.1' }],
    ['an exact version', '5.2.0', SERVED, { version: '5.2.0' }],
    ['an exact pre-release', '6.1.0-rc.1', SERVED, { version: '6.1.0-rc.1' }],
    [
      'a lower bound skips pre-releases',
      '>=1.0.0',
      SERVED,
      { version: '6.0.1' },
    ],
    [
      'a lower bound naming a pre-release takes pre-releases',
      '>=1.0.0-alpha',
      SERVED,
      { version: '6.1.0-rc.2' },
    ],
    [
      'a lower bound above every release',
      '>=7.0.0',
      SERVED,
      { error: 'no chart version found for >=7.0.0' },
    ],
    [
      'an exact version not served',
      '6.2.0',
      SERVED,
      { error: 'no chart version found for 6.2.0' },
    ],
    [
      'a form it does not read',
      '~6.0',
      SERVED,
      { error: "invalid chart version constraint '~6.0'" },
    ],
  ])('%s', (_case, constraint, available, expected) => {
    expect(pickChartVersion(constraint, available)).toEqual(expected);
  });
});
