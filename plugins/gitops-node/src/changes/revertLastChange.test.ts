import { InputError, NotFoundError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { ConfigRepoId, TOKEN, useGithub } from '../__testUtils__/harness';
import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import { revertLastChange } from './revertLastChange';

const OVERLAY = 'apps/web/overlays/dev';
const KUSTOMIZATION = `${OVERLAY}/kustomization.yaml`;
const tagged = (tag: string) =>
  `resources:\n  - ../../base\nimages:\n  - name: web\n    newTag: ${tag}\n`;

describe('revertLastChange', () => {
  const github = useGithub();
  // Octokit logs every 4xx; the 404s of files not yet created are expected here.
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = () =>
    new Octokit({ auth: TOKEN, baseUrl: github.emulator.url, log });
  const reader = (id: ConfigRepoId) => createConfigRepoReader(octokit(), id);

  /** Commits `files` (null deletes) on `branch` through the contents API; returns the commit SHA. */
  async function commit(
    id: ConfigRepoId,
    files: Record<string, string | null>,
    branch = 'main',
  ) {
    let sha = '';
    for (const [path, content] of Object.entries(files)) {
      const existing = await octokit()
        .repos.getContent({ ...id, path, ref: branch })
        .then(r => (r.data as { sha: string }).sha)
        .catch(() => undefined);
      const { data } =
        content === null
          ? await octokit().repos.deleteFile({
              ...id,
              path,
              branch,
              message: `Delete ${path}`,
              sha: existing!,
            })
          : await octokit().repos.createOrUpdateFileContents({
              ...id,
              path,
              branch,
              message: `Set ${path}`,
              content: Buffer.from(content).toString('base64'),
              sha: existing,
            });
      sha = data.commit.sha!;
    }
    return sha;
  }

  /** main: v1 (created) -> v2 (tag 1.1) -> v3 (tag 1.2, extra.yaml added); v1's SHA. */
  async function history() {
    const id = await github.newRepo({
      'README.md': '# config\n',
      [KUSTOMIZATION]: tagged('1.0'),
      [`${OVERLAY}/patch.yaml`]: 'replicas: 1\n',
    });
    const { data } = await octokit().git.getRef({ ...id, ref: 'heads/main' });
    await commit(id, { [KUSTOMIZATION]: tagged('1.1') });
    await commit(id, {
      [KUSTOMIZATION]: tagged('1.2'),
      [`${OVERLAY}/extra.yaml`]: 'a: b\n',
    });
    return { id, v1: data.object.sha };
  }

  /** One history for the tests that only read it (made on first use); a test that writes makes its own. */
  let shared: ReturnType<typeof history> | undefined;
  const sharedHistory = () => (shared ??= history());

  it('restores the overlay to its content at toRevision, leaving unchanged files out', async () => {
    const { id, v1 } = await sharedHistory();
    const revert = await revertLastChange(reader(id), 'main', OVERLAY, {
      toRevision: v1,
    });
    expect(revert.files).toEqual({
      [KUSTOMIZATION]: tagged('1.0'),
      [`${OVERLAY}/extra.yaml`]: null,
    });
    expect(revert.revision).toEqual({ sha: v1, message: 'Initial commit' });
  });

  it('resolves a short SHA to the full revision', async () => {
    const { id, v1 } = await sharedHistory();
    const revert = await revertLastChange(reader(id), 'main', OVERLAY, {
      toRevision: v1.slice(0, 7),
    });
    expect(revert.revision.sha).toBe(v1);
  });

  it('is an empty change when toRevision is the branch head', async () => {
    const { id } = await sharedHistory();
    const { data } = await octokit().git.getRef({ ...id, ref: 'heads/main' });
    const revert = await revertLastChange(reader(id), 'main', OVERLAY, {
      toRevision: data.object.sha,
    });
    expect(revert.files).toEqual({});
  });

  const API_OVERLAY = 'apps/api/overlays/dev';
  // case, overlay, whether the case writes to the repo (then it gets a history of its own), the revision, error
  it.each<
    [
      string,
      string,
      boolean,
      (id: ConfigRepoId, v1: string) => Promise<string>,
      typeof InputError | typeof NotFoundError,
      RegExp,
    ]
  >([
    [
      'a ref name instead of a SHA',
      OVERLAY,
      false,
      async () => 'main~1',
      InputError,
      /must be a commit SHA/,
    ],
    [
      'an unknown SHA',
      OVERLAY,
      false,
      async () => 'deadbeefdeadbeef',
      NotFoundError,
      /No commit deadbeefdeadbeef/,
    ],
    [
      'a commit only on another branch',
      OVERLAY,
      true,
      async (id, v1) => {
        await octokit().git.createRef({
          ...id,
          ref: 'refs/heads/side',
          sha: v1,
        });
        return commit(id, { [KUSTOMIZATION]: tagged('9.9') }, 'side');
      },
      InputError,
      /not in the history of main/,
    ],
    [
      'a revision before the overlay existed',
      API_OVERLAY,
      true,
      async (id, v1) => {
        await commit(id, {
          [`${API_OVERLAY}/kustomization.yaml`]: tagged('1'),
        });
        return v1;
      },
      NotFoundError,
      /apps\/api\/overlays\/dev does not exist at/,
    ],
  ])(
    'refuses %s',
    async (_case, dir, writes, revisionFor, errorType, message) => {
      const { id, v1 } = writes ? await history() : await sharedHistory();
      const toRevision = await revisionFor(id, v1);
      const error = await revertLastChange(reader(id), 'main', dir, {
        toRevision,
      }).catch(e => e);
      expect(error).toBeInstanceOf(errorType);
      expect(error.message).toMatch(message);
    },
  );

  it('without toRevision, reverts the last change to the overlay', async () => {
    const { id } = await sharedHistory();
    const revert = await revertLastChange(reader(id), 'main', OVERLAY);
    // v3 was two commits through the contents API; the last one added extra.yaml.
    expect(revert.commitMessage).toBe(`Set ${OVERLAY}/extra.yaml`);
    expect(revert.files).toEqual({ [`${OVERLAY}/extra.yaml`]: null });
  });

  it('without toRevision, refuses an overlay created by the first commit', async () => {
    const id = await github.newRepo({ [KUSTOMIZATION]: tagged('1.0') });
    await expect(revertLastChange(reader(id), 'main', OVERLAY)).rejects.toThrow(
      /nothing to roll back to/,
    );
  });
});
