import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import type {
  AdoptionQuery,
  AdoptionResponse,
  ServiceLayoutResponse,
} from '@gitops-portal/plugin-gitops-common';

/** How an action reaches the gitops backend (another plugin: over HTTP), the one client for it. */
export interface GitopsBackendDeps {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * A JSON GET of the gitops backend on behalf of the task's initiator: the backend's permission check is about the
 * user, not the scaffolder. Its refusals keep their meaning: a 400 (bad input, the field named) is an InputError, a
 * 403 a NotAllowedError, a 404 a NotFoundError.
 */
export async function getFromGitopsBackend<T>(
  deps: GitopsBackendDeps,
  onBehalfOf: BackstageCredentials,
  path: string,
  query: Record<string, string | undefined> = {},
): Promise<T> {
  const baseUrl = await deps.discovery.getBaseUrl('gitops');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf,
    targetPluginId: 'gitops',
  });
  const url = new URL(`${baseUrl}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    const message = error.body?.error?.message ?? error.message;
    if (response.status === 400) throw new InputError(message);
    if (response.status === 403) throw new NotAllowedError(message);
    if (response.status === 404) throw new NotFoundError(message);
    throw error;
  }
  return (await response.json()) as T;
}

/**
 * Where each environment of an entity (`kind:namespace/name`) is deployed from, as its live objects say: the gitops
 * backend's `GET /entities/:kind/:namespace/:name/layout`.
 */
export function fetchServiceLayout(
  deps: GitopsBackendDeps,
  entityRef: string,
  onBehalfOf: BackstageCredentials,
): Promise<ServiceLayoutResponse> {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const path = [kind, namespace, name].map(encodeURIComponent).join('/');
  return getFromGitopsBackend(deps, onBehalfOf, `/entities/${path}/layout`);
}

/**
 * The clean manifests of a namespace or workload that neither Argo CD nor Flux manages: the gitops backend's
 * `GET /adoption`.
 */
export function fetchAdoption(
  deps: GitopsBackendDeps,
  onBehalfOf: BackstageCredentials,
  query: AdoptionQuery,
): Promise<AdoptionResponse> {
  return getFromGitopsBackend(deps, onBehalfOf, '/adoption', query);
}
