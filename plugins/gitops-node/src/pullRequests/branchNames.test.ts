import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { portalBranchName, readBranchPrefix } from './branchNames';

describe('portalBranchName', () => {
  it.each([
    [
      { action: 'promote', entity: 'web', id: 'staging-to-prod' },
      'gitops/promote/web-staging-to-prod',
    ],
    [{ action: 'team', entity: 'payments' }, 'gitops/team/payments'],
    [
      { prefix: 'platform/', action: 'rollback', entity: 'web', id: 'prod' },
      'platform/rollback/web-prod',
    ],
  ])('names %j %s', (options, expected) => {
    expect(portalBranchName(options)).toBe(expected);
  });

  it('refuses parts that make an invalid branch name', () => {
    expect(() =>
      portalBranchName({ action: 'promote', entity: '..', id: 'x' }),
    ).toThrow(InputError);
  });
});

describe('readBranchPrefix', () => {
  const configWith = (branchPrefix?: string) =>
    new ConfigReader(
      branchPrefix === undefined
        ? {}
        : { gitops: { pullRequests: { branchPrefix } } },
    );

  it.each([
    [undefined, 'gitops/'],
    ['portal/', 'portal/'],
    ['platform/gitops-portal/', 'platform/gitops-portal/'],
  ])('reads %j as %j', (configured, expected) => {
    expect(readBranchPrefix(configWith(configured))).toBe(expected);
  });

  it.each([
    ['portal', "must end with '/'"],
    ['refs/../', 'invalid'],
    ['bad prefix/', 'invalid'],
  ])('refuses %j, naming the key', (configured, reason) => {
    expect(() => readBranchPrefix(configWith(configured))).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          new RegExp(`gitops\\.pullRequests\\.branchPrefix .*${reason}`),
        ),
      }),
    );
  });
});
