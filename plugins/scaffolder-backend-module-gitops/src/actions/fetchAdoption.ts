import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AdoptionQuery,
  AdoptionResponse,
} from '@gitops-portal/plugin-gitops-common';
import { getFromGitopsBackend, GitopsBackendDeps } from './gitopsBackend';

/** How the adopt action reaches the gitops backend (another plugin: over HTTP). */
export type AdoptionBackendDeps = GitopsBackendDeps;

/**
 * The clean manifests of a namespace or workload from the gitops backend's `GET /adoption`, asked on behalf of the
 * task's initiator: the backend's permission check is about the user, not the scaffolder. Its refusals keep their
 * meaning and message: a 400 (bad input, the field named) is an InputError, a 403 a NotAllowedError, a 404 (no
 * such workload) a NotFoundError.
 */
export function fetchAdoption(
  deps: AdoptionBackendDeps,
  onBehalfOf: BackstageCredentials,
  query: AdoptionQuery,
): Promise<AdoptionResponse> {
  return getFromGitopsBackend(deps, onBehalfOf, '/adoption', query);
}
