import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitFiles, octokitFor } from './__testUtils__/harness';
import { GithubEmulator, startGithubEmulator } from './index';

describe('persistence across restarts', () => {
  let dataDir: string;
  let emulator: GithubEmulator | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'github-emulator-persist-'));
  });

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a new emulator on the same dataDir sees repos, refs, pull requests, labels and settings', async () => {
    const id = { owner: 'acme', repo: 'config' };
    emulator = await startGithubEmulator({ dataDir });
    let octokit = octokitFor(emulator.url);
    await emulator.createRepo(id.owner, id.repo, { files: { 'a.yaml': 'a' } });
    const headSha = await commitFiles(octokit, id, 'feature', {
      'b.yaml': 'b',
    });
    await octokit.pulls.create({
      ...id,
      title: 'Persist me',
      head: 'feature',
      base: 'main',
    });
    await octokit.issues.addLabels({
      ...id,
      issue_number: 1,
      labels: ['gitops'],
    });
    await octokit.pulls.requestReviewers({
      ...id,
      pull_number: 1,
      reviewers: ['alice'],
    });
    await octokit.repos.update({ ...id, allow_rebase_merge: false });
    await emulator.close();

    emulator = await startGithubEmulator({ dataDir });
    octokit = octokitFor(emulator.url);
    expect((await octokit.repos.get(id)).data).toMatchObject({
      full_name: 'acme/config',
      allow_rebase_merge: false,
    });
    expect(
      (await octokit.git.getRef({ ...id, ref: 'heads/feature' })).data.object
        .sha,
    ).toBe(headSha);
    const { data } = await octokit.pulls.get({ ...id, pull_number: 1 });
    expect(data).toMatchObject({
      title: 'Persist me',
      state: 'open',
      head: { sha: headSha },
    });
    expect(data.labels.map(label => label.name)).toEqual(['gitops']);
    expect(data.requested_reviewers?.map(user => user.login)).toEqual([
      'alice',
    ]);
  });

  it('continues the issue/PR number sequence after a restart', async () => {
    const id = { owner: 'acme', repo: 'numbers' };
    emulator = await startGithubEmulator({ dataDir });
    await emulator.createRepo(id.owner, id.repo, { files: { a: 'a' } });
    await octokitFor(emulator.url).issues.create({ ...id, title: 'first' });
    await emulator.close();

    emulator = await startGithubEmulator({ dataDir });
    const { data } = await octokitFor(emulator.url).issues.create({
      ...id,
      title: 'second',
    });
    expect(data.number).toBe(2);
  });
});
