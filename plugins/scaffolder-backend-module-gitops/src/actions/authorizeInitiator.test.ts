import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { OWNER, useConfigRepo } from '../__testUtils__/harness';
import {
  initiator,
  ownershipPermissions,
  USERS,
} from '../__testUtils__/ownershipPermissions';
import { GitopsActionDeps } from './types';
import { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
import { postgresXrd } from './crossplaneClaim.examples';
import { createGitopsDecommissionAction } from './decommission';
import { createGitopsPromoteAction } from './promote';
import { createGitopsPullRequestAction } from './pullRequest';
import { createGitopsRollbackAction } from './rollback';

/** Every action that changes the existing service `web`, its input and the permission it needs. */
const ACTIONS = [
  {
    id: 'gitops:promote',
    create: createGitopsPromoteAction,
    input: { service: 'web', from: 'staging', to: 'prod' },
    permission: 'gitops.promote',
  },
  {
    id: 'gitops:rollback',
    create: createGitopsRollbackAction,
    input: { service: 'web', environment: 'prod', toImageTag: '1.3.0' },
    permission: 'gitops.rollback',
  },
  {
    id: 'gitops:decommission',
    create: createGitopsDecommissionAction,
    input: { service: 'web' },
    permission: 'gitops.decommission',
  },
  {
    id: 'gitops:crossplane:claim',
    create: createGitopsCrossplaneClaimAction,
    input: {
      service: 'web',
      name: 'web-db',
      xrd: postgresXrd,
      parameters: { storageGB: 20 },
    },
    permission: 'gitops.change',
  },
  {
    id: 'gitops:pull-request',
    create: createGitopsPullRequestAction,
    input: {
      yamlPatches: [
        {
          path: 'apps/web/overlays/prod/kustomization.yaml',
          set: { 'images.0.newTag': '1.4.0' },
        },
      ],
    },
    permission: 'gitops.change',
  },
] as const;

const MODES = [
  { mode: 'a dry run', isDryRun: true, status: 'dry-run' },
  { mode: 'a real run', isDryRun: false, status: 'opened' },
];

const cases = <T>(rows: T[]) =>
  ACTIONS.flatMap(action =>
    MODES.flatMap(mode => rows.map(row => ({ ...action, ...mode, ...row }))),
  );

describe('the initiator of an action on an existing service', () => {
  const github = useConfigRepo();

  async function runAs(
    action: (typeof ACTIONS)[number],
    user: string,
    isDryRun: boolean,
  ) {
    const { repo, repoUrl } = await github.newRepo();
    const permissions = ownershipPermissions();
    const logger = mockServices.logger.mock();
    const { ctx, outputs } = await github.context(
      { ...action.input, repoUrl },
      { isDryRun, logger, getInitiatorCredentials: initiator(user) },
    );
    const deps: GitopsActionDeps = github.deps(permissions);
    const error = await action
      .create(deps)
      .handler(ctx)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    return { repo, outputs, error, logger, permissions };
  }

  it.each(cases([{ user: USERS.owner }]))(
    '$id: the owning team succeeds in $mode, asked for $permission',
    async ({ user, isDryRun, status, ...action }) => {
      const run = await runAs(action, user, isDryRun);

      expect(run.error).toBeUndefined();
      expect(run.outputs.status).toBe(status);
      expect(run.permissions.asked).toEqual([
        `${action.permission} component:default/web`,
      ]);
    },
  );

  it.each(
    cases([
      { who: 'a member of another team', user: USERS.otherTeam },
      { who: 'a guest', user: USERS.guest },
    ]),
  )(
    '$id: $who is refused in $mode, with nothing written or logged',
    async ({ user, isDryRun, ...action }) => {
      const run = await runAs(action, user, isDryRun);

      expect(run.error).toBeInstanceOf(NotAllowedError);
      expect(run.error?.message).toBe(
        `Not allowed: ${action.permission} on component:default/web`,
      );
      const { data: branches } = await github
        .octokit()
        .repos.listBranches({ owner: OWNER, repo: run.repo });
      expect(branches.map(b => b.name)).toEqual(['main']);
      expect(await github.pulls(run.repo)).toEqual([]);
      for (const level of ['error', 'warn', 'info', 'debug'] as const) {
        expect(run.logger[level]).not.toHaveBeenCalled();
      }
    },
  );
});
