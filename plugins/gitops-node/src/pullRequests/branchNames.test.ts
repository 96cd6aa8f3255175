import { InputError } from '@backstage/errors';
import { portalBranchName } from './branchNames';

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
