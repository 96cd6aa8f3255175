import { LoggerService } from '@backstage/backend-plugin-api';
import { RepoRef } from '../changes/baseSnapshot';
import { githubErrorInfo } from '../github/errors';

export interface PullRequestDecoration {
  labels?: string[];
  reviewers?: string[];
  teamReviewers?: string[];
}

/**
 * Adds labels and requests reviewers. The pull request already exists, so a
 * refusal here (an unknown team, the author as reviewer) becomes a warning in
 * the result instead of an error that would hide the open PR.
 */
export async function decoratePullRequest(
  { octokit, owner, repo }: RepoRef,
  number: number,
  decoration: PullRequestDecoration & { requestReviewers: boolean },
  logger?: LoggerService,
): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      const { status, message } = githubErrorInfo(error);
      const warning = `Could not ${what} on #${number}: GitHub answered ${
        status ?? 'no response'
      }: ${message.slice(0, 300)}`;
      logger?.warn(warning);
      warnings.push(warning);
    }
  };
  if (decoration.labels?.length) {
    await attempt('add labels', () =>
      octokit.issues.addLabels({
        owner,
        repo,
        issue_number: number,
        labels: decoration.labels!,
      }),
    );
  }
  const wantsReviewers =
    !!decoration.reviewers?.length || !!decoration.teamReviewers?.length;
  if (decoration.requestReviewers && wantsReviewers) {
    await attempt('request reviewers', () =>
      octokit.pulls.requestReviewers({
        owner,
        repo,
        pull_number: number,
        reviewers: decoration.reviewers ?? [],
        team_reviewers: decoration.teamReviewers ?? [],
      }),
    );
  }
  return warnings;
}
