import {
  commitFiles,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('reviewers and labels', () => {
  const env = useEmulator();

  async function openPull() {
    const id = await env.newRepo();
    await commitFiles(env.octokit, id, 'feature', { 'f.yaml': 'x' });
    const { data } = await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    return { id, pull_number: data.number };
  }

  it('requests user and team reviewers (201) and shows them on the pull request', async () => {
    const { id, pull_number } = await openPull();
    const { status } = await env.octokit.pulls.requestReviewers({
      ...id,
      pull_number,
      reviewers: ['alice', 'bob'],
      team_reviewers: ['platform'],
    });
    expect(status).toBe(201);
    const { data } = await env.octokit.pulls.get({ ...id, pull_number });
    expect(data.requested_reviewers?.map(user => user.login)).toEqual([
      'alice',
      'bob',
    ]);
    expect(data.requested_teams?.map(team => team.slug)).toEqual(['platform']);
  });

  it('does not duplicate a reviewer requested twice', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.pulls.requestReviewers({
      ...id,
      pull_number,
      reviewers: ['alice'],
    });
    await env.octokit.pulls.requestReviewers({
      ...id,
      pull_number,
      reviewers: ['alice'],
    });
    const { data } = await env.octokit.pulls.listRequestedReviewers({
      ...id,
      pull_number,
    });
    expect(data.users.map(user => user.login)).toEqual(['alice']);
  });

  it('refuses the pull request author as reviewer with 422', async () => {
    const { id, pull_number } = await openPull();
    const error = await requestError(
      env.octokit.pulls.requestReviewers({
        ...id,
        pull_number,
        reviewers: ['gitops-bot'],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe(
      'Review cannot be requested from pull request author.',
    );
  });

  it('removes a requested reviewer', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.pulls.requestReviewers({
      ...id,
      pull_number,
      reviewers: ['alice', 'bob'],
    });
    await env.octokit.pulls.removeRequestedReviewers({
      ...id,
      pull_number,
      reviewers: ['alice'],
    });
    const { data } = await env.octokit.pulls.listRequestedReviewers({
      ...id,
      pull_number,
    });
    expect(data.users.map(user => user.login)).toEqual(['bob']);
  });

  it('adds labels to a pull request through the issues API', async () => {
    const { id, pull_number } = await openPull();
    const { data } = await env.octokit.issues.addLabels({
      ...id,
      issue_number: pull_number,
      labels: ['gitops', 'env:prod'],
    });
    expect(data.map(label => label.name)).toEqual(['gitops', 'env:prod']);
    const pull = await env.octokit.pulls.get({ ...id, pull_number });
    expect(pull.data.labels.map(label => label.name)).toEqual([
      'gitops',
      'env:prod',
    ]);
  });

  it('keeps existing labels when adding more and lists them', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.issues.addLabels({
      ...id,
      issue_number: pull_number,
      labels: ['a'],
    });
    await env.octokit.issues.addLabels({
      ...id,
      issue_number: pull_number,
      labels: ['b', 'a'],
    });
    const { data } = await env.octokit.issues.listLabelsOnIssue({
      ...id,
      issue_number: pull_number,
    });
    expect(data.map(label => label.name)).toEqual(['a', 'b']);
  });

  it('replaces labels with PUT and removes one with DELETE', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.issues.addLabels({
      ...id,
      issue_number: pull_number,
      labels: ['a', 'b'],
    });
    await env.octokit.issues.setLabels({
      ...id,
      issue_number: pull_number,
      labels: ['c', 'd'],
    });
    const { data } = await env.octokit.issues.removeLabel({
      ...id,
      issue_number: pull_number,
      name: 'c',
    });
    expect(data.map(label => label.name)).toEqual(['d']);
  });

  it('answers 404 when labelling a missing issue', async () => {
    const { id } = await openPull();
    const error = await requestError(
      env.octokit.issues.addLabels({ ...id, issue_number: 42, labels: ['a'] }),
    );
    expect(error.status).toBe(404);
  });
});
