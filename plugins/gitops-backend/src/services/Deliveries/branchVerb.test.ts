import { branchVerb } from './portalPullRequests';

describe('branchVerb', () => {
  it.each([
    ['gitops/promote/web-staging-to-prod', 'web', undefined, 'promote'],
    ['gitops/rollback/web-prod', 'web', undefined, 'rollback'],
    ['gitops/create/web', 'web', undefined, 'create'],
    ['platform/claim/web-db', 'web', 'platform/', 'claim'],
    ['a.b/decommission/web', 'web', 'a.b/', 'decommission'],
  ])('reads %s of %s under %s as %s', (branch, service, prefix, verb) => {
    expect(branchVerb(branch, service, prefix)).toBe(verb);
  });

  it.each([
    // Another prefix: not a branch the portal (configured so) wrote.
    ['gitops/promote/web-prod', 'web', 'platform/'],
    // The prefix is literal text, not a pattern.
    ['aXb/promote/web', 'web', 'a.b/'],
    ['gitops/team/web', 'web', undefined],
    ['gitops/promote/webshop', 'web', undefined],
    ['feature/promote/web', 'web', undefined],
  ])('ignores %s of %s under %s', (branch, service, prefix) => {
    expect(branchVerb(branch, service, prefix)).toBeUndefined();
  });
});
