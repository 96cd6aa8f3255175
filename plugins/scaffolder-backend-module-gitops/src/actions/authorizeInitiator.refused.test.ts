import { NotAllowedError } from '@backstage/errors';
import { useConfigRepo } from '../__testUtils__/harness';
import {
  expectNothingWrittenOrLogged,
  initiatorCases,
  runAs,
} from '../__testUtils__/initiatorRuns';
import { USERS } from '../__testUtils__/ownershipPermissions';

describe('the initiator of an action on an existing service', () => {
  const github = useConfigRepo();

  it.each(
    initiatorCases([
      { who: 'a member of another team', user: USERS.otherTeam },
      { who: 'a guest', user: USERS.guest },
    ]),
  )(
    '$id: $who is refused in $mode, with nothing written or logged',
    async ({ user, isDryRun, ...action }) => {
      const target = await github.untouchedRepo();

      const run = await runAs(github, target, action, user, isDryRun);

      expect(run.error).toBeInstanceOf(NotAllowedError);
      expect(run.error?.message).toBe(
        `Not allowed: ${action.permission} on component:default/web`,
      );
      await expectNothingWrittenOrLogged(github, target.repo, run.logger);
    },
  );
});
