import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { useConfigRepo } from '../__testUtils__/harness';
import {
  sopsRecipient,
  withSecretMethods,
} from '../__testUtils__/secretSettings';
import { writeWorkspace } from '../__testUtils__/workspace';
import { createGitopsPullRequestAction } from './pullRequest';
import { createGitopsSecretAddAction } from './secretAdd';

const VALUE = 'rotated-value-8e21f4';
const SECRETS = { value: VALUE };
const sealedRequest = {
  service: 'web',
  environment: 'staging',
  name: 'api-token',
  key: 'token',
  value: VALUE,
};

function recordingLogger(lines: string[]): LoggerService {
  const record = (message: string, meta?: unknown) =>
    lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
  return {
    error: record,
    warn: record,
    info: record,
    debug: record,
    child: () => recordingLogger(lines),
  };
}

describe('gitops:secret:add', () => {
  const github = useConfigRepo();
  const action = () =>
    createGitopsSecretAddAction(withSecretMethods(github.deps()));

  it.each<[string, Record<string, unknown>, Record<string, string>, RegExp]>([
    [
      'a value that is no secret of the task (it would not be masked)',
      sealedRequest,
      {},
      /The secret must come from a Secret form field/,
    ],
    [
      'a value for an External Secrets environment',
      { ...sealedRequest, environment: 'prod' },
      SECRETS,
      /prod takes secrets from its store \(external-secrets\): a typed secret is not taken, give remoteKey/,
    ],
    [
      'no remoteKey for an External Secrets environment',
      { ...sealedRequest, environment: 'prod', value: undefined },
      SECRETS,
      /remoteKey is required/,
    ],
    [
      'no value for a sealed-secrets environment',
      { ...sealedRequest, value: undefined },
      SECRETS,
      /staging encrypts secrets in the config repo \(sealed-secrets\): the secret to seal is required/,
    ],
    [
      'an environment without a configured method',
      { ...sealedRequest, environment: 'qa' },
      SECRETS,
      /No way to add secrets is configured for qa: set gitops.secrets.environments.qa.method/,
    ],
    [
      'a SOPS environment in a config repo without .sops.yaml',
      { ...sealedRequest, environment: 'dev' },
      SECRETS,
      /dev encrypts secrets with SOPS, but the config repo has no .sops.yaml/,
    ],
    [
      'a Secret key Kubernetes refuses',
      { ...sealedRequest, key: 'a/b' },
      SECRETS,
      /key: must be a Secret key/,
    ],
  ])(
    'refuses %s and writes nothing',
    async (_case, request, secrets, message) => {
      const { repo, repoUrl } = await github.untouchedRepo();
      const { ctx } = await github.context(
        { ...request, repoUrl },
        { secrets },
      );

      const error = await action()
        .handler(ctx)
        .catch(e => e);

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(VALUE);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );

  it('refuses a path no creation rule of .sops.yaml covers', async () => {
    const { recipient } = await sopsRecipient();
    const { repo, repoUrl } = await github.newRepo({
      '.sops.yaml': `creation_rules:\n  - path_regex: ^clusters/\n    age: ${recipient}\n`,
    });
    const { ctx } = await github.context(
      { ...sealedRequest, environment: 'dev', repoUrl },
      { secrets: SECRETS },
    );

    await expect(action().handler(ctx)).rejects.toThrow(
      '.sops.yaml has no creation rule for apps/web/overlays/dev/secrets/api-token.yaml',
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('a dry run shows the sealed file, writes nothing and never logs the value', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const lines: string[] = [];
    const { ctx, outputs } = await github.context(
      { ...sealedRequest, repoUrl },
      { secrets: SECRETS, isDryRun: true, logger: recordingLogger(lines) },
    );

    await action().handler(ctx);

    expect(outputs).toMatchObject({
      status: 'dry-run',
      changedFiles: [
        'apps/web/overlays/staging/kustomization.yaml',
        'apps/web/overlays/staging/secrets/api-token.yaml',
      ],
    });
    const log = lines.join('\n');
    expect(log).toContain(
      'dry run: would write apps/web/overlays/staging/secrets/api-token.yaml',
    );
    expect(log).toContain('kind: SealedSecret');
    expect(log).not.toContain(VALUE);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('the pull request says how the value is kept, never the value', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context(
      { ...sealedRequest, repoUrl },
      { secrets: SECRETS },
    );

    await action().handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe('Add secret api-token to web in staging');
    expect(pull.body).toContain(
      "Adds the secret `api-token` (key `token`) to `web` in `staging` as `apps/web/overlays/staging/secrets/api-token.yaml` (sealed-secrets): the value is sealed for the environment's sealed-secrets controller (strict scope).",
    );
    expect(pull.body).not.toContain(VALUE);
    const files = await github.pullFiles(repo, pull.number);
    expect(files.map(file => file.patch).join('\n')).not.toContain(VALUE);
  });

  it('a second run for the same secret replaces it and lists it once', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const first = await github.context(
      { ...sealedRequest, repoUrl },
      { secrets: SECRETS },
    );
    await action().handler(first.ctx);
    await github.octokit().pulls.merge({
      owner: 'acme',
      repo,
      pull_number: first.outputs.pullRequestNumber as number,
    });
    const second = await github.context(
      {
        ...sealedRequest,
        repoUrl,
        value: 'next-value',
        branch: 'gitops/secret/rotate',
      },
      { secrets: { value: 'next-value' } },
    );

    await action().handler(second.ctx);

    expect(second.outputs.changedFiles).toEqual([
      'apps/web/overlays/staging/secrets/api-token.yaml',
    ]);
  });
});

describe('a plaintext Secret in any change', () => {
  const github = useConfigRepo();

  it('is refused with a pointer to the add-secret template', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      repoUrl,
      sourcePath: 'out',
      targetPath: 'apps/web/overlays/dev',
    });
    await writeWorkspace(ctx.workspacePath, {
      'out/db.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: plain-4c1d\n',
    });

    const error = await createGitopsPullRequestAction(github.deps())
      .handler(ctx)
      .catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      'Secret/db is a plaintext Secret; add it with the "Add a secret" template (templates/add-secret, action gitops:secret:add)',
    );
    expect(error.message).not.toContain('plain-4c1d');
    expect(await github.pulls(repo)).toEqual([]);
  });
});
