import { PullRequestResponse } from '@gitops-portal/plugin-gitops-common';

/** Opens delivery pull requests against the GitOps config repo; Git is the only write path. */
export interface PullRequestService {
  /**
   * Copies the service's image from one environment's overlay to another's, as a validated pull request.
   * Throws ConflictError when the target already runs that image (nothing to promote).
   */
  promote(request: {
    entityRef: string;
    service: string;
    from: string;
    to: string;
  }): Promise<PullRequestResponse>;
  /**
   * Reverts the last change to the service's overlay of one environment, or
   * with `toRevision` (a commit SHA of the config repo's branch) restores the
   * overlay to its content there, as a validated pull request.
   * Throws InputError when there is nothing to roll back to or the revision is
   * not on the branch, NotFoundError when the revision or the overlay at it
   * does not exist, ConflictError when the overlay already equals the target.
   */
  rollback(request: {
    entityRef: string;
    service: string;
    environment: string;
    toRevision?: string;
  }): Promise<PullRequestResponse>;
}
