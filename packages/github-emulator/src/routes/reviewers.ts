import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  ok,
  optionalStringArray,
} from '../http/api';
import { Router } from '../http/router';
import { userJson } from '../shapes/common';
import { pullJson, teamJson } from '../shapes/pulls';
import { requireRepo, touch } from './helpers';
import { requirePull } from './pulls';

function requestedLists(request: ApiRequest) {
  const body = bodyObject(request);
  return {
    reviewers: optionalStringArray(body, 'reviewers') ?? [],
    teams: optionalStringArray(body, 'team_reviewers') ?? [],
  };
}

async function changeReviewers(
  ctx: EmulatorContext,
  request: ApiRequest,
  add: boolean,
) {
  const repo = requireRepo(ctx, request);
  const pull = requirePull(repo, request.params.number);
  const { reviewers, teams } = requestedLists(request);
  if (add) {
    if (reviewers.includes(pull.author)) {
      throw new ApiError(
        422,
        'Review cannot be requested from pull request author.',
      );
    }
    pull.requestedReviewers = [
      ...new Set([...pull.requestedReviewers, ...reviewers]),
    ];
    pull.requestedTeams = [...new Set([...pull.requestedTeams, ...teams])];
  } else {
    pull.requestedReviewers = pull.requestedReviewers.filter(
      login => !reviewers.includes(login),
    );
    pull.requestedTeams = pull.requestedTeams.filter(
      slug => !teams.includes(slug),
    );
  }
  const now = isoSeconds();
  pull.updatedAt = now;
  touch(ctx, repo, now);
  return ok(
    await pullJson(ctx, repo, pull, { detail: false }),
    add ? 201 : 200,
  );
}

export function registerReviewerRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  const path = '/repos/:owner/:repo/pulls/:number/requested_reviewers';
  router
    .add('POST', path, request => changeReviewers(ctx, request, true))
    .add('DELETE', path, request => changeReviewers(ctx, request, false))
    .add('GET', path, async request => {
      const repo = requireRepo(ctx, request);
      const pull = requirePull(repo, request.params.number);
      return ok({
        users: pull.requestedReviewers.map(login => userJson(ctx, login)),
        teams: pull.requestedTeams.map(slug => teamJson(ctx, repo, slug)),
      });
    });
}
