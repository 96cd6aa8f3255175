import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** What the commit holds: deleted files and directories, YAML edits that keep formatting, and an empty change. */
describe('openConfigRepoPullRequest: the files of the commit', () => {
  const github = useGithub();

  it('deletes files', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'docs/old.md': 'old\n',
    });
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        change: { files: { 'docs/old.md': null } },
      }),
    );
    expect(result.changedFiles).toEqual(['docs/old.md']);
    expect(
      await github.readFromClone(id, result.branch, 'docs/old.md'),
    ).toBeUndefined();
    expect(await github.readFromClone(id, result.branch, 'README.md')).toBe(
      '# gitops-config\n',
    );
  });

  it('deletes a whole directory', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'docs/a/one.md': '1\n',
      'docs/a/two.md': '2\n',
    });
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, { change: { files: { 'docs/a': null } } }),
    );
    expect(result.changedFiles).toEqual(['docs/a/one.md', 'docs/a/two.md']);
    expect(
      await github.readFromClone(id, result.branch, 'docs/a/one.md'),
    ).toBeUndefined();
  });

  it('a YAML edit keeps the comments and formatting of untouched parts', async () => {
    const files = seededRepoFiles();
    const path = 'apps/web/overlays/dev/kustomization.yaml';
    files[path] = `# dev overlay: owned by payments\n${files[path].replace(
      'replicas:',
      '# pinned by CI\nreplicas:',
    )}`;
    const id = await github.newRepo(files);
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        change: {
          yamlEdits: [
            { path, edit: doc => doc.setIn(['images', 0, 'newTag'], '1.5.0') },
          ],
        },
      }),
    );
    const text = await github.readFromClone(id, result.branch, path);
    expect(text).toBe(files[path].replace('newTag: 1.4.0', 'newTag: 1.5.0'));
  });

  it('an empty change opens nothing and says so', async () => {
    const files = seededRepoFiles();
    const id = await github.newRepo(files);
    const { octokit, calls } = await github.client();
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        change: {
          files: { 'README.md': files['README.md'], 'docs/missing.md': null },
        },
      }),
    );
    expect(result).toMatchObject({ status: 'empty', changedFiles: [] });
    expect(result.number).toBeUndefined();
    expect(calls.every(c => c.startsWith('GET '))).toBe(true);
    expect(await github.headOf(id, 'gitops/test/web-dev')).toBeUndefined();
    expect(await github.pulls(id)).toHaveLength(0);
  });
});
