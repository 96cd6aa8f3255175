import {
  PullRequestPreviewResponse,
  PullRequestResponse,
} from '@gitops-portal/plugin-gitops-common';

/** A promotion of one service's image from one environment's overlay to another's. */
export interface PromotionServiceRequest {
  entityRef: string;
  service: string;
  from: string;
  to: string;
  /** Only what `from` pins at this image tag, digest or chart version; default everything `from` runs. */
  version?: string;
}

/** A rollback of one environment's overlay: its last change, or to its content at `toRevision`. */
export interface RollbackServiceRequest {
  entityRef: string;
  service: string;
  environment: string;
  toRevision?: string;
}

/** Opens delivery pull requests against the GitOps config repo; Git is the only write path. */
export interface PullRequestService {
  /**
   * Copies the service's image from one environment's overlay to another's, as a validated pull request.
   * Throws ConflictError when the target already runs that image (nothing to promote).
   */
  promote(request: PromotionServiceRequest): Promise<PullRequestResponse>;
  /** What `promote` would propose, after the same checks and validation, as diffs; writes nothing. */
  previewPromotion(
    request: PromotionServiceRequest,
  ): Promise<PullRequestPreviewResponse>;
  /**
   * Reverts the last change to the service's overlay of one environment, or
   * with `toRevision` (a commit SHA of the config repo's branch) restores the
   * overlay to its content there, as a validated pull request.
   * Throws InputError when there is nothing to roll back to or the revision is
   * not on the branch, NotFoundError when the revision or the overlay at it
   * does not exist, ConflictError when the overlay already equals the target.
   */
  rollback(request: RollbackServiceRequest): Promise<PullRequestResponse>;
  /** What `rollback` would propose, after the same checks and validation, as diffs; writes nothing. */
  previewRollback(
    request: RollbackServiceRequest,
  ): Promise<PullRequestPreviewResponse>;
}
