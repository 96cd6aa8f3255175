import { useConfigRepo } from '../__testUtils__/harness';
import { initiatorCases, runAs } from '../__testUtils__/initiatorRuns';
import { USERS } from '../__testUtils__/ownershipPermissions';

describe('the initiator of an action on an existing service', () => {
  const github = useConfigRepo();

  it.each(initiatorCases([{ user: USERS.owner }]))(
    '$id: the owning team succeeds in $mode, asked for $permission',
    async ({ user, isDryRun, status, ...action }) => {
      // A dry run writes nothing, so dry runs share one repo; a real run gets its own.
      const target = isDryRun
        ? await github.untouchedRepo()
        : await github.newRepo();

      const run = await runAs(github, target, action, user, isDryRun);

      expect(run.error).toBeUndefined();
      expect(run.outputs.status).toBe(status);
      expect(run.permissions.asked).toEqual([
        `${action.permission} component:default/web`,
      ]);
    },
  );
});
