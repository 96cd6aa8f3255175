import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { gitopsClusterRequestPermission } from '@gitops-portal/plugin-gitops-common';
import {
  CLUSTER_REQUEST_INPUT,
  withClusterRequests,
} from '../__testUtils__/clusterRequestSettings';
import { useConfigRepo } from '../__testUtils__/harness';
import { expectNothingWrittenOrLogged } from '../__testUtils__/initiatorRuns';
import { initiator, USERS } from '../__testUtils__/ownershipPermissions';
import { createGitopsClusterRequestAction } from './clusterRequest';

const MODES = [
  { mode: 'a dry run', isDryRun: true, status: 'dry-run' },
  { mode: 'a real run', isDryRun: false, status: 'opened' },
];

/** A permissions service that answers `result` to every request and records what it was asked, with whose credentials. */
function deciding(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  return mockServices.permissions.mock({
    authorize: async requests => requests.map(() => ({ result })),
  });
}

describe('gitops:cluster:request authorization', () => {
  const github = useConfigRepo();

  it.each(MODES)(
    'refuses in $mode an initiator the policy denies gitops.cluster.request, with nothing written or logged',
    async ({ isDryRun }) => {
      const target = await github.untouchedRepo();
      const logger = mockServices.logger.mock();
      const { ctx } = await github.context(
        { ...CLUSTER_REQUEST_INPUT, repoUrl: target.repoUrl },
        {
          isDryRun,
          logger,
          getInitiatorCredentials: initiator(USERS.guest),
        },
      );
      const deps = withClusterRequests(
        github.deps(deciding(AuthorizeResult.DENY)),
      );

      const error = await createGitopsClusterRequestAction(deps)
        .handler(ctx)
        .catch((e: Error) => e);

      expect(error).toBeInstanceOf(NotAllowedError);
      expect((error as Error).message).toBe(
        'Not allowed: gitops.cluster.request',
      );
      await expectNothingWrittenOrLogged(github, target.repo, logger);
    },
  );

  it('refuses before reading anything: the refusal comes first even when cluster requests are not configured', async () => {
    const { repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...CLUSTER_REQUEST_INPUT, repoUrl });

    await expect(
      createGitopsClusterRequestAction(
        github.deps(deciding(AuthorizeResult.DENY)),
      ).handler(ctx),
    ).rejects.toThrow('Not allowed: gitops.cluster.request');
  });

  it.each(MODES)(
    "asks in $mode for gitops.cluster.request with the initiator's credentials, on no entity",
    async ({ isDryRun, status }) => {
      // A dry run writes nothing, so it shares the untouched repo; a real run gets its own.
      const target = isDryRun
        ? await github.untouchedRepo()
        : await github.newRepo();
      const { ctx, outputs } = await github.context(
        { ...CLUSTER_REQUEST_INPUT, repoUrl: target.repoUrl },
        { isDryRun, getInitiatorCredentials: initiator(USERS.owner) },
      );
      const permissions = deciding(AuthorizeResult.ALLOW);

      await createGitopsClusterRequestAction(
        withClusterRequests(github.deps(permissions)),
      ).handler(ctx);

      expect(outputs.status).toBe(status);
      expect(permissions.authorize).toHaveBeenCalledTimes(1);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: gitopsClusterRequestPermission }],
        { credentials: mockCredentials.user(USERS.owner) },
      );
    },
  );
});
