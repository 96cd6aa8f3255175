import { mockServices } from '@backstage/backend-test-utils';
import { createGitopsCrossplaneClaimAction } from '../actions/crossplaneClaim';
import { postgresXrd } from '../actions/crossplaneClaim.examples';
import { createGitopsDecommissionAction } from '../actions/decommission';
import { createGitopsDriftPolicySetAction } from '../actions/driftPolicySet';
import { createGitopsPromoteAction } from '../actions/promote';
import { createGitopsPullRequestAction } from '../actions/pullRequest';
import { createGitopsRollbackAction } from '../actions/rollback';
import { GitopsActionDeps } from '../actions/types';
import { OWNER, useConfigRepo } from './harness';
import { initiator, ownershipPermissions } from './ownershipPermissions';

/** Every action that changes the existing service `web`, its input and the permission it needs. */
export const ACTIONS = [
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
    id: 'gitops:drift-policy:set',
    create: createGitopsDriftPolicySetAction,
    input: {
      service: 'web',
      environment: 'prod',
      driftPolicy: { selfHeal: false },
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

export type ExistingServiceAction = (typeof ACTIONS)[number];

const MODES = [
  { mode: 'a dry run', isDryRun: true, status: 'dry-run' },
  { mode: 'a real run', isDryRun: false, status: 'opened' },
];

/** Every action in both modes, with each of `rows`: the `it.each` table. */
export const initiatorCases = <T>(rows: T[]) =>
  ACTIONS.flatMap(action =>
    MODES.flatMap(mode => rows.map(row => ({ ...action, ...mode, ...row }))),
  );

/** A refused run left the repo as it was (its `main` branch alone, no pull request) and logged nothing. */
export async function expectNothingWrittenOrLogged(
  github: ReturnType<typeof useConfigRepo>,
  repo: string,
  logger: ReturnType<typeof mockServices.logger.mock>,
) {
  const { data: branches } = await github
    .octokit()
    .repos.listBranches({ owner: OWNER, repo });
  expect(branches.map(b => b.name)).toEqual(['main']);
  expect(await github.pulls(repo)).toEqual([]);
  for (const level of ['error', 'warn', 'info', 'debug'] as const) {
    expect(logger[level]).not.toHaveBeenCalled();
  }
}

/** Runs an action as `user`, decided by the ownership policy; returns what it left behind. */
export async function runAs(
  github: ReturnType<typeof useConfigRepo>,
  target: { repo: string; repoUrl: string },
  action: ExistingServiceAction,
  user: string,
  isDryRun: boolean,
) {
  const permissions = ownershipPermissions();
  const logger = mockServices.logger.mock();
  const { ctx, outputs } = await github.context(
    { ...action.input, repoUrl: target.repoUrl },
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
  return { outputs, error, logger, permissions };
}
