import {
  lockedBackstageVersions,
  lowerBound,
  releasePins,
} from './releasePins';

const LOCK = `__metadata:
  version: 8

"@backstage/backend-defaults@npm:^0.18.0":
  version: 0.18.0
  resolution: "@backstage/backend-defaults@npm:0.18.0"

"@backstage/types@npm:^1.2.1, @backstage/types@npm:^1.2.2":
  version: 1.2.2
  resolution: "@backstage/types@npm:1.2.2"

"@backstage/types@npm:^1.1.0":
  version: 1.1.1
  resolution: "@backstage/types@npm:1.1.1"

"left-pad@npm:^1.0.0":
  version: 1.3.0
`;

describe('lockedBackstageVersions', () => {
  it("reads each @backstage package's highest locked version, and nothing else", () => {
    expect([...lockedBackstageVersions(LOCK)]).toEqual([
      ['@backstage/backend-defaults', '0.18.0'],
      ['@backstage/types', '1.2.2'],
    ]);
  });
});

describe('lowerBound', () => {
  it.each([
    ['^0.3.19', '0.3.19'],
    ['~1.2.3', '1.2.3'],
    ['4.2.0', '4.2.0'],
    ['^1.0.0-next.1', '1.0.0-next.1'],
    ['>=1.0.0', undefined],
    ['workspace:^', undefined],
    ['*', undefined],
  ])('of %s is %s', (range, version) => {
    expect(lowerBound(range)).toBe(version);
  });
});

describe('releasePins', () => {
  it('pins locked packages to the lock and the others to their range, leaving other scopes alone', () => {
    expect(
      releasePins(LOCK, [
        {
          '@backstage/backend-defaults': '^0.18.0',
          '@backstage/plugin-signals-backend': '^0.3.19',
          react: '^18.0.2',
        },
        { '@backstage/types': '^1.0.0', app: 'link:../app' },
      ]),
    ).toEqual({
      '@backstage/backend-defaults': '0.18.0',
      '@backstage/plugin-signals-backend': '0.3.19',
      '@backstage/types': '1.2.2',
    });
  });
});
