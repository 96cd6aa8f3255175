import { LoggerService } from '@backstage/backend-plugin-api';
import { useConfigRepo } from '../__testUtils__/harness';
import { writeWorkspace } from '../__testUtils__/workspace';
import { postgresXrd } from './crossplaneClaim.examples';
import { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
import { createGitopsDecommissionAction } from './decommission';
import { createGitopsPromoteAction } from './promote';
import { createGitopsPullRequestAction } from './pullRequest';
import { createGitopsRollbackAction } from './rollback';
import { withSecretMethods } from '../__testUtils__/secretSettings';
import { createGitopsSecretAddAction } from './secretAdd';
import { MASK } from './secretMask';
import { createGitopsServiceCreateAction } from './serviceCreate';
import { createGitopsTeamOnboardAction } from './teamOnboard';
import { GitopsActionDeps } from './types';

/** A value of a secret form field (`ctx.secrets`) that a template also put into the PR description. */
const FORM_SECRET = 'form-secret-7f3a9c2e';
/** A value typed into a Secret manifest of the task workspace (SOPS-marked, so policy lets it through). */
const MANIFEST_SECRET = 'manifest-secret-41d8be07';
const FORBIDDEN = [
  FORM_SECRET,
  Buffer.from(FORM_SECRET).toString('base64'),
  MANIFEST_SECRET,
];

const DB_SECRET = 'apps/web/overlays/dev/db-credentials.yaml';
const secretManifest = `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
stringData:
  password: ${MANIFEST_SECRET}
data:
  token: ${Buffer.from(FORM_SECRET).toString('base64')}
sops:
  version: 3.9.0
`;

/** Every line the action logs, with its fields, as the task log would store them. */
function recordingLogger(lines: string[]): LoggerService {
  const record = (level: string) => (message: string, meta?: Error | object) =>
    lines.push(
      `${level}: ${message} ${
        meta instanceof Error ? meta.stack : JSON.stringify(meta ?? {})
      }`,
    );
  return {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => recordingLogger(lines),
  };
}

const description = `Rotates the API token (${FORM_SECRET}).`;

type TaskContext = Awaited<
  ReturnType<ReturnType<typeof useConfigRepo>['context']>
>['ctx'];

/** Each action with an input that changes the seeded `web` repo; the pull-request action copies the Secret. */
const actions: Array<{
  id: string;
  run: (deps: GitopsActionDeps, ctx: TaskContext) => Promise<void>;
  input: Record<string, unknown>;
}> = [
  {
    id: 'gitops:promote',
    run: (deps, ctx) => createGitopsPromoteAction(deps).handler(ctx),
    input: { service: 'web', from: 'staging', to: 'prod' },
  },
  {
    id: 'gitops:rollback',
    run: (deps, ctx) => createGitopsRollbackAction(deps).handler(ctx),
    input: { service: 'web', environment: 'prod', toImageTag: '1.3.0' },
  },
  {
    id: 'gitops:decommission',
    run: (deps, ctx) => createGitopsDecommissionAction(deps).handler(ctx),
    input: { service: 'web' },
  },
  {
    id: 'gitops:service:create',
    run: (deps, ctx) => createGitopsServiceCreateAction(deps).handler(ctx),
    input: {
      name: 'checkout',
      team: 'payments',
      image: 'ghcr.io/acme/checkout',
      environments: [{ name: 'dev', replicas: 1, imageTag: '1.0.0' }],
    },
  },
  {
    id: 'gitops:team:onboard',
    run: (deps, ctx) => createGitopsTeamOnboardAction(deps).handler(ctx),
    input: { team: 'search', environments: ['dev'] },
  },
  {
    id: 'gitops:crossplane:claim',
    run: (deps, ctx) => createGitopsCrossplaneClaimAction(deps).handler(ctx),
    input: {
      service: 'web',
      name: 'web-db',
      xrd: postgresXrd,
      parameters: { storageGB: 20 },
    },
  },
  {
    // The secret golden path itself: the form's secret is the value it seals.
    id: 'gitops:secret:add',
    run: (deps, ctx) =>
      createGitopsSecretAddAction(withSecretMethods(deps)).handler(ctx),
    input: {
      service: 'web',
      environment: 'staging',
      name: 'api-token',
      key: 'token',
      value: FORM_SECRET,
    },
  },
  {
    id: 'gitops:pull-request',
    run: (deps, ctx) => createGitopsPullRequestAction(deps).handler(ctx),
    input: { sourcePath: 'out', targetPath: 'apps/web/overlays/dev' },
  },
];

describe('secret values', () => {
  const github = useConfigRepo();

  /** Runs the action with the secrets; returns the log, the outputs and every PR's title and body. */
  async function runAction(
    action: (typeof actions)[number],
    isDryRun: boolean,
  ) {
    const { repo, repoUrl } = await github.newRepo();
    const lines: string[] = [];
    const { ctx, outputs } = await github.context(
      { ...action.input, repoUrl, description },
      {
        isDryRun,
        logger: recordingLogger(lines),
        secrets: { apiToken: FORM_SECRET, backstageToken: 'bs-token-1' },
      },
    );
    await writeWorkspace(ctx.workspacePath, {
      'out/db-credentials.yaml': secretManifest,
    });
    await action.run(github.deps(), ctx);
    const pulls = await github.pulls(repo);
    return {
      log: lines.join('\n'),
      outputs: JSON.stringify(outputs),
      pulls: pulls.map(pull => `${pull.title}\n${pull.body}`).join('\n'),
    };
  }

  describe.each(actions)('$id', action => {
    it.each([
      // What shows the checks looked at real output: the dry run's report, the real run's masked description.
      ['a dry run', true, 'log' as const, 'dry run: would'],
      [
        'a real run',
        false,
        'pulls' as const,
        `Rotates the API token (${MASK}).`,
      ],
    ])(
      'stay out of the log, the outputs and the pull request of %s',
      async (_mode, isDryRun, shown, evidence) => {
        const result = await runAction(action, isDryRun);
        for (const value of FORBIDDEN) {
          expect(result.log).not.toContain(value);
          expect(result.outputs).not.toContain(value);
          expect(result.pulls).not.toContain(value);
        }
        expect(result[shown]).toContain(evidence);
      },
    );
  });

  it('a dry run logs a diff of the Secret with its values masked', async () => {
    const pullRequest = actions.find(a => a.id === 'gitops:pull-request')!;
    const { log } = await runAction(pullRequest, true);
    expect(log).toContain(`dry run: would write ${DB_SECRET}\n`);
    expect(log).toContain(`--- /dev/null\n+++ b/${DB_SECRET}\n`);
    expect(log).toContain(`+  password: ${MASK}\n`);
    expect(log).toContain(`+  token: ${MASK}\n`);
    expect(log).toContain('+  name: db-credentials\n');
  });
});
