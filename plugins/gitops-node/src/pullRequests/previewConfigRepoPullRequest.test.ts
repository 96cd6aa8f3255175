import { InputError } from '@backstage/errors';
import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { SECRET_MASK } from './changeDiff';
import { previewConfigRepoPullRequest } from './previewConfigRepoPullRequest';
import { webDevRequest } from './__testUtils__/webDevRequest';

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: hunter2-preview
`;

describe('previewConfigRepoPullRequest', () => {
  const github = useGithub();

  it('answers with the change as diffs and sends no write', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();

    const preview = await previewConfigRepoPullRequest(
      webDevRequest(octokit, id),
    );

    expect(preview).toMatchObject({
      status: 'preview',
      branch: 'gitops/test/web-dev',
      files: [{ path: 'docs/notes.md', change: 'write' }],
    });
    expect(preview.files[0].diff).toContain('+hello');
    // The writer's first write is stopped before any hook, the request log included, sees it.
    expect(calls.filter(call => !call.startsWith('GET '))).toEqual([]);
    expect(await github.headOf(id, 'gitops/test/web-dev')).toBeUndefined();
    expect(await github.pulls(id)).toEqual([]);
  });

  it('masks Secret values and what the caller masks', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();

    const preview = await previewConfigRepoPullRequest({
      ...webDevRequest(octokit, id, {
        change: {
          files: {
            'docs/secret.yaml': SECRET,
            'docs/notes.md': 'token tok-42\n',
          },
        },
        validate: false,
      }),
      mask: text => text.split('tok-42').join(SECRET_MASK),
    });

    const diffs = preview.files.map(file => file.diff).join('\n');
    expect(diffs).not.toMatch(/hunter2-preview|tok-42/);
    expect(diffs).toContain(`+  password: ${SECRET_MASK}`);
  });

  it('is empty when the base branch already has the change', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'docs/notes.md': 'hello\n',
    });
    const { octokit } = await github.client();

    const preview = await previewConfigRepoPullRequest(
      webDevRequest(octokit, id),
    );

    expect(preview).toEqual({
      status: 'empty',
      branch: 'gitops/test/web-dev',
      files: [],
    });
  });

  it('refuses what the writer refuses, before any write', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();

    const error = await previewConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        change: { files: { '../outside.md': 'x' } },
      }),
    ).catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(calls.filter(call => !call.startsWith('GET '))).toEqual([]);
  });
});
