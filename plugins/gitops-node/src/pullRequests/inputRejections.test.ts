import { InputError } from '@backstage/errors';
import {
  KUBECTL,
  recordingLogger,
  TOKEN,
  useGithub,
} from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { ConfigRepoChange } from '../changes/types';
import { createGithubClient } from '../github/createGithubClient';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

const BRANCH = 'gitops/test/web-dev';

/** A "billion laughs" document: each of `levels` anchors is a list of nine aliases of the one before. */
function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) {
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Bad input: a change and what the InputError says. */
const BAD_INPUT_CASES: Array<[string, ConfigRepoChange, RegExp]> = [
  [
    'a .. segment',
    { files: { 'apps/../../etc/passwd': 'x' } },
    /'\.\.' segment/,
  ],
  ['an absolute path', { files: { '/etc/passwd': 'x' } }, /absolute/],
  ['a backslash', { files: { 'apps\\web\\x.yaml': 'x' } }, /backslash/],
  [
    'a NUL byte',
    { files: { 'apps/web\u0000.yaml': 'x' } },
    /control characters/,
  ],
  ['a path into .git', { files: { '.git/config': 'x' } }, /\.git/],
  [
    'a scaffolder expression',
    { files: { 'docs/a.md': 'name: ${{ parameters.name }}\n' } },
    /unrendered template expression/,
  ],
  [
    'a Go/Helm template',
    { files: { 'docs/a.yaml': 'name: {{ .Values.name }}\n' } },
    /unrendered template expression/,
  ],
  [
    'an oversized file',
    { files: { 'docs/big.md': 'x'.repeat(1024 * 1024 + 1) } },
    /larger than the 1048576-byte limit/,
  ],
  [
    'a 5 MB manifest',
    {
      files: {
        'apps/web/overlays/dev/big.yaml': `data:\n  blob: ${'x'.repeat(
          5 * 1024 * 1024,
        )}\n`,
      },
    },
    /larger than the 1048576-byte limit/,
  ],
  [
    'a YAML file that does not parse',
    { files: { 'apps/web/overlays/dev/broken.yaml': 'images: [web\n' } },
    /broken\.yaml is not valid YAML/,
  ],
  [
    // Nine levels of nine aliases each expand to 9^9 nodes: refused while parsing, not expanded.
    'a YAML alias bomb',
    { files: { 'apps/web/overlays/dev/bomb.yaml': aliasBomb(9) } },
    /bomb\.yaml is not valid YAML: .*alias/i,
  ],
  [
    'an edit of a missing file',
    { yamlEdits: [{ path: 'apps/nope/kustomization.yaml', edit: () => {} }] },
    /no such file/,
  ],
  [
    'an edit that sets a template expression',
    {
      yamlEdits: [
        {
          path: 'apps/web/overlays/dev/kustomization.yaml',
          edit: doc =>
            doc.setIn(['images', 0, 'newTag'], '${{ parameters.tag }}'),
        },
      ],
    },
    /unrendered template expression/,
  ],
];

describe('openConfigRepoPullRequest: bad input and secrets', () => {
  const github = useGithub();

  async function expectNothingPushed(
    id: { owner: string; repo: string },
    mainBefore: string | undefined,
    calls: string[],
  ) {
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await github.headOf(id, BRANCH)).toBeUndefined();
    expect(await github.headOf(id, 'main')).toBe(mainBefore);
    expect(await github.pulls(id)).toHaveLength(0);
  }

  it.each(BAD_INPUT_CASES)(
    '%s is an InputError and nothing is pushed',
    async (_name, change, message) => {
      const id = await github.newRepo(seededRepoFiles());
      const mainBefore = await github.headOf(id, 'main');
      const { octokit, calls } = await github.client();
      const error = await openConfigRepoPullRequest({
        octokit,
        ...id,
        branch: BRANCH,
        title: 't',
        change,
        validate: { kubectlPath: KUBECTL },
      }).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      await expectNothingPushed(id, mainBefore, calls);
    },
  );

  it.each([['gitops/../main'], ['-bad'], ['has space'], ['main']])(
    'branch %j is refused before any request',
    async branch => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit, calls } = await github.client();
      await expect(
        openConfigRepoPullRequest({
          octokit,
          ...id,
          branch,
          title: 't',
          change: { files: { 'a.md': 'a' } },
          validate: false,
        }),
      ).rejects.toBeInstanceOf(InputError);
      expect(calls).toEqual([]);
    },
  );

  it.each([
    ['a symlink', 'symlink'],
    ['a submodule', 'submodule'],
  ])('writing through %s of the base tree is refused', async (_name, kind) => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    // Make apps/link a symlink or a submodule on main, the way a user's push could.
    const main = (await octokit.git.getRef({ ...id, ref: 'heads/main' })).data
      .object.sha;
    const baseTree = (await octokit.git.getCommit({ ...id, commit_sha: main }))
      .data.tree.sha;
    const link =
      kind === 'symlink'
        ? ({ mode: '120000', type: 'blob', content: '/etc' } as const)
        : ({ mode: '160000', type: 'commit', sha: main } as const);
    const tree = await octokit.git.createTree({
      ...id,
      base_tree: baseTree,
      tree: [{ path: 'apps/link', ...link }],
    });
    const commit = await octokit.git.createCommit({
      ...id,
      message: 'link',
      tree: tree.data.sha,
      parents: [main],
    });
    await octokit.git.updateRef({
      ...id,
      ref: 'heads/main',
      sha: commit.data.sha,
    });
    calls.length = 0;
    const error = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 't',
      change: { files: { 'apps/link/passwd': 'x' } },
      validate: false,
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`apps/link is a ${kind}`));
    await expectNothingPushed(id, commit.data.sha, calls);
  });

  it('a wrong token fails without the token in the error or the log', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { logger, lines } = recordingLogger();
    const wrongToken = 'ghp_wrong-token-should-never-leak';
    const octokit = await createGithubClient({
      baseUrl: github.emulator.url,
      token: wrongToken,
      logger,
    });
    const error = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 't',
      change: { files: { 'a.md': 'a' } },
      validate: false,
      logger,
    }).catch(e => e);
    expect(error.name).toBe('AuthenticationError');
    const seen = [
      JSON.stringify(error),
      String(error.stack),
      error.message,
      JSON.stringify(lines),
    ].join('\n');
    expect(seen).not.toContain(wrongToken);
  });

  it('the token never appears in the PR body, the result or the log', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { logger, lines } = recordingLogger();
    const { octokit } = await github.client(logger);
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 't',
      change: { files: { 'docs/a.md': 'a\n' } },
      validate: { kubectlPath: KUBECTL },
      logger,
    });
    const [pull] = await github.pulls(id);
    expect(
      [pull.body, JSON.stringify(result), JSON.stringify(lines)].join('\n'),
    ).not.toContain(TOKEN);
  });
});
