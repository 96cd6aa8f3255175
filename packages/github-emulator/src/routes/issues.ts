import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
  optionalString,
  requiredString,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import {
  labelJson,
  nodeId,
  repoApiUrl,
  repoHtmlUrl,
  userJson,
} from '../shapes/common';
import { issueLabelsJson } from '../shapes/pulls';
import { IssueLikeMeta, LabelMeta } from '../store/metadata';
import { paginated, requireRepo, touch } from './helpers';

/** Issues and pull requests share numbers, so labels work on both. */
function requireIssueLike(repo: RepoHandle, number: string): IssueLikeMeta {
  const all: IssueLikeMeta[] = [...repo.meta.pulls, ...repo.meta.issues];
  const issue = all.find(candidate => String(candidate.number) === number);
  if (!issue) throw notFound();
  return issue;
}

/** Finds a repo label case-insensitively, creating it (grey, like GitHub) when missing. */
function ensureLabel(
  ctx: EmulatorContext,
  repo: RepoHandle,
  name: string,
  color = 'ededed',
): LabelMeta {
  const existing = repo.meta.labels.find(
    label => label.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) return existing;
  const label = { id: ctx.store.nextId(), name, color, description: null };
  repo.meta.labels.push(label);
  return label;
}

/** `{labels: ['a']}`, `{labels: [{name: 'a'}]}` or a bare array, as GitHub accepts. */
function labelNames(request: ApiRequest): string[] {
  const body = request.body;
  const list = Array.isArray(body)
    ? body
    : (body as { labels?: unknown } | undefined)?.labels;
  if (!Array.isArray(list))
    throw new ApiError(422, 'Invalid request.\n\n"labels" wasn\'t supplied.');
  return list.map(item => {
    const name =
      typeof item === 'string' ? item : (item as { name?: unknown })?.name;
    if (typeof name !== 'string' || !name)
      throw new ApiError(422, 'Invalid request.\n\nInvalid label.');
    return name;
  });
}

function setLabels(
  ctx: EmulatorContext,
  request: ApiRequest,
  replace: boolean,
) {
  const repo = requireRepo(ctx, request);
  const issue = requireIssueLike(repo, request.params.number);
  const names = labelNames(request).map(
    name => ensureLabel(ctx, repo, name).name,
  );
  issue.labels = [...new Set([...(replace ? [] : issue.labels), ...names])];
  const now = isoSeconds();
  issue.updatedAt = now;
  touch(ctx, repo, now);
  return ok(issueLabelsJson(ctx, repo, issue));
}

function issueJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  issue: IssueLikeMeta,
) {
  const isPull = repo.meta.pulls.some(pull => pull.number === issue.number);
  const api = repoApiUrl(ctx, repo);
  return {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url: `${api}/issues/${issue.number}`,
    html_url: `${repoHtmlUrl(ctx, repo)}/${isPull ? 'pull' : 'issues'}/${
      issue.number
    }`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.author),
    labels: issueLabelsJson(ctx, repo, issue),
    assignee: null,
    assignees: [],
    locked: false,
    comments: 0,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    ...(isPull
      ? { pull_request: { url: `${api}/pulls/${issue.number}` } }
      : {}),
  };
}

async function createIssue(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const now = isoSeconds();
  const issue: IssueLikeMeta = {
    id: ctx.store.nextId(),
    number: ctx.store.nextNumber(repo.meta),
    title: requiredString(body, 'title'),
    body: optionalString(body, 'body') ?? null,
    state: 'open',
    author: request.actor.login,
    labels: body.labels
      ? labelNames(request).map(name => ensureLabel(ctx, repo, name).name)
      : [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  repo.meta.issues.push(issue);
  touch(ctx, repo, now);
  return ok(issueJson(ctx, repo, issue), 201);
}

export function registerIssueRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  const labels = '/repos/:owner/:repo/issues/:number/labels';
  router
    .add('POST', '/repos/:owner/:repo/issues', request =>
      createIssue(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/issues/:number', async request => {
      const repo = requireRepo(ctx, request);
      return ok(
        issueJson(ctx, repo, requireIssueLike(repo, request.params.number)),
      );
    })
    .add('GET', labels, async request => {
      const repo = requireRepo(ctx, request);
      const issue = requireIssueLike(repo, request.params.number);
      return paginated(ctx, request, issueLabelsJson(ctx, repo, issue));
    })
    .add('POST', labels, async request => setLabels(ctx, request, false))
    .add('PUT', labels, async request => setLabels(ctx, request, true))
    .add('DELETE', labels, async request => {
      const repo = requireRepo(ctx, request);
      requireIssueLike(repo, request.params.number).labels = [];
      touch(ctx, repo, isoSeconds());
      return noContent;
    })
    .add('DELETE', `${labels}/:name`, async request => {
      const repo = requireRepo(ctx, request);
      const issue = requireIssueLike(repo, request.params.number);
      const name = request.params.name.toLowerCase();
      if (!issue.labels.some(label => label.toLowerCase() === name)) {
        throw notFound('Label does not exist');
      }
      issue.labels = issue.labels.filter(label => label.toLowerCase() !== name);
      touch(ctx, repo, isoSeconds());
      return ok(issueLabelsJson(ctx, repo, issue));
    })
    .add('GET', '/repos/:owner/:repo/labels', async request => {
      const repo = requireRepo(ctx, request);
      return paginated(
        ctx,
        request,
        repo.meta.labels.map(label => labelJson(ctx, repo, label)),
      );
    })
    .add('POST', '/repos/:owner/:repo/labels', async request => {
      const repo = requireRepo(ctx, request);
      const body = bodyObject(request);
      const name = requiredString(body, 'name');
      if (
        repo.meta.labels.some(
          label => label.name.toLowerCase() === name.toLowerCase(),
        )
      ) {
        throw new ApiError(422, 'Validation Failed', {
          errors: [
            { resource: 'Label', code: 'already_exists', field: 'name' },
          ],
        });
      }
      const label = ensureLabel(
        ctx,
        repo,
        name,
        optionalString(body, 'color') ?? 'ededed',
      );
      label.description = optionalString(body, 'description') ?? null;
      touch(ctx, repo, isoSeconds());
      return ok(labelJson(ctx, repo, label), 201);
    });
}
