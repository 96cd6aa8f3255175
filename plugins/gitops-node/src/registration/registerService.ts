import { InputError } from '@backstage/errors';
import type {
  RegistrationPoint,
  ServiceRegistration,
} from '@gitops-portal/plugin-gitops-common';
import { ConfigRepoChange } from '../changes/types';
import { appOfAppsChange } from './appOfAppsChange';
import { applicationSetChange } from './applicationSetChange';
import { perEnvironmentChange } from './perEnvironmentChange';
import { RegistrationRequest, standalonePath } from './types';

export type { RegistrationRequest } from './types';

function findPoint(
  registration: Extract<ServiceRegistration, { target: string }>,
  points: RegistrationPoint[],
): RegistrationPoint {
  const point = points.find(
    p => p.mode === registration.mode && p.target === registration.target,
  );
  if (!point) {
    const found = points
      .filter(p => p.mode === registration.mode)
      .map(p => p.target || '(repo root)');
    throw new InputError(
      `registration.target "${registration.target}" is not ${
        registration.mode === 'appOfApps'
          ? 'an app-of-apps folder'
          : 'an ApplicationSet with a git generator'
      } of the config repo (found: ${found.join(', ') || 'none'})`,
    );
  }
  return point;
}

function assertArgoApplications(request: RegistrationRequest): void {
  const { delivery } = request.options;
  if (delivery.engine !== 'argocd' || delivery.mode === 'applicationset') {
    throw new InputError(
      `registration.mode ${request.registration.mode} replaces the service's Argo CD Applications: it needs engine argocd and argocdMode application`,
    );
  }
}

/**
 * The change that adds a generated service, registered as asked: `standalone` keeps its own Applications;
 * `appOfApps` moves them into the discovered folder (and its kustomization.yaml); `applicationSet` writes no
 * Application and lets the ApplicationSet's git generator pick up the overlays (a directory entry where no glob
 * matches them) or a config file per environment; `perEnvironment` does either per environment, at the point
 * discovery found serving it. A target discovery did not find is refused (InputError naming `registration.target`),
 * and so is an environment no point, or two, serve.
 */
export async function registerService(
  request: RegistrationRequest,
): Promise<ConfigRepoChange> {
  if (request.registration.mode === 'standalone') {
    return { files: request.files };
  }
  assertArgoApplications(request);
  const { options, registration } = request;
  const files: Record<string, string | null> = { ...request.files };
  for (const env of options.environments) {
    delete files[standalonePath(options.name, env.name)];
  }
  if (registration.mode === 'perEnvironment') {
    return perEnvironmentChange(request, registration.via, files);
  }
  const point = findPoint(registration, request.points);
  return point.mode === 'appOfApps'
    ? appOfAppsChange(request, point, files)
    : applicationSetChange(request, point, files);
}
