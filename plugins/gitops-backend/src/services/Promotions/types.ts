import { PullRequestResponse } from '@internal/plugin-gitops-common';

/** Opens promotion pull requests against the GitOps config repo; Git is the only write path. */
export interface PromotionService {
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
}
