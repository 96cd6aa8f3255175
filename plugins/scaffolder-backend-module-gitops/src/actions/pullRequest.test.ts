import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  checkpointStore,
  run,
  seededRepoFiles,
  useConfigRepo,
} from '../__testUtils__/harness';
import {
  initiator,
  ownershipPermissions,
  USERS,
} from '../__testUtils__/ownershipPermissions';
import { SETTINGS_CONFIGMAP, writeWorkspace } from '../__testUtils__/workspace';
import { createGitopsPullRequestAction } from './pullRequest';

const PROD = 'apps/web/overlays/prod/kustomization.yaml';
const scale = {
  title: 'Scale web',
  yamlPatches: [{ path: PROD, set: { 'replicas.0.count': 5 } }],
};

describe('gitops:pull-request', () => {
  const github = useConfigRepo();

  it('applies set and delete patches and keeps the comments of the file', async () => {
    const seeded = await github.newRepo({
      [PROD]: `# prod is pinned by the release team\n${
        seededRepoFiles()[PROD]
      }`,
    });
    const { ctx, outputs } = await github.context({
      repoUrl: seeded.repoUrl,
      yamlPatches: [
        {
          path: PROD,
          set: { 'images.0.newTag': '1.4.0' },
          delete: ['replicas'],
        },
      ],
    });

    await createGitopsPullRequestAction(github.deps()).handler(ctx);

    const dir = await github.clone(seeded.repo, outputs.branch as string);
    const text = await run('cat', [PROD], dir);
    expect(text).toContain('# prod is pinned by the release team');
    expect(text).toContain('newTag: 1.4.0');
    expect(text).not.toContain('replicas:');
  });

  it('copies the workspace directory under targetPath', async () => {
    const { repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      repoUrl,
      sourcePath: 'out',
      targetPath: 'apps/web/overlays/dev',
    });
    await writeWorkspace(ctx.workspacePath, {
      'out/extra.yaml': SETTINGS_CONFIGMAP,
      'out/nested/more.yaml': SETTINGS_CONFIGMAP,
    });

    await createGitopsPullRequestAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([
      'apps/web/overlays/dev/extra.yaml',
      'apps/web/overlays/dev/nested/more.yaml',
    ]);
  });

  it('writes nothing on a dry run', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { ...scale, repoUrl },
      { isDryRun: true },
    );

    await createGitopsPullRequestAction(github.deps()).handler(ctx);

    expect(outputs).toMatchObject({ status: 'dry-run', changedFiles: [PROD] });
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsPullRequestAction(github.deps());
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { ...scale, repoUrl, branch: 'gitops/scale-web' },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'opened']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('refuses a symlink in the workspace', async () => {
    const { repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ repoUrl, sourcePath: 'out' });
    await writeWorkspace(ctx.workspacePath, {
      'out/a.yaml': SETTINGS_CONFIGMAP,
    });
    await symlink('/etc/passwd', join(ctx.workspacePath, 'out/passwd'));

    await expect(
      createGitopsPullRequestAction(github.deps()).handler(ctx),
    ).rejects.toThrow(/symlink/);
  });

  it.each([
    ['no change at all', {}],
    ['a sourcePath with ..', { sourcePath: '../etc' }],
    ['a file path with ..', { files: { 'apps/web/../../x.yaml': 'a: 1\n' } }],
    [
      'a patch of a missing file',
      { yamlPatches: [{ path: 'apps/web/nope.yaml', set: { a: 1 } }] },
    ],
    [
      'a change outside apps/ that names no entity',
      { files: { 'clusters/dev/platform.yaml': 'a: 1\n' } },
    ],
    [
      'an entityRef that is not a full ref',
      { entityRef: 'web', files: { 'apps/web/x.yaml': 'a: 1\n' } },
    ],
    [
      'a change that fails policy',
      { files: { 'apps/web/base/workload.yaml': 'kind: Deployment\n' } },
    ],
  ])('refuses %s with an InputError', async (_case, override) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ repoUrl, ...override });

    await expect(
      createGitopsPullRequestAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('asks gitops.change on entityRef and on every service the change touches, naming those refused', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const permissions = ownershipPermissions();
    const { ctx } = await github.context(
      {
        repoUrl,
        entityRef: 'system:default/platform',
        files: {
          'clusters/dev/platform.yaml': 'a: 1\n',
          'apps/web/overlays/dev/extra.yaml': 'a: 1\n',
          'apps/api/base/extra.yaml': 'a: 1\n',
        },
      },
      { getInitiatorCredentials: initiator(USERS.owner) },
    );

    const error = await createGitopsPullRequestAction(github.deps(permissions))
      .handler(ctx)
      .catch(e => e);

    expect(permissions.asked.sort()).toEqual([
      'gitops.change component:default/api',
      'gitops.change component:default/web',
      'gitops.change system:default/platform',
    ]);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'Not allowed: gitops.change on system:default/platform, component:default/api',
    );
    expect(await github.pulls(repo)).toEqual([]);
  });
});
