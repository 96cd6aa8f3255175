import { InputError } from '@backstage/errors';
import type { ServiceLayoutResponse } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoReader,
  sameRepo,
  serviceFolderOf,
} from '@gitops-portal/plugin-gitops-node';

/**
 * The folders the live objects of every environment of the service deploy from (the gitops backend's layout:
 * what promotions edit), each widened to the service's own folder; InputError naming each environment's place,
 * and what was looked at, when the portal cannot tell what to remove: a place in another repository than the
 * target, a place in a shared folder, or an environment whose live objects name no place.
 */
function liveFolders(
  layout: ServiceLayoutResponse,
  service: string,
  repoUrl: string,
): string[] {
  const folders = new Set<string>();
  const problems: string[] = [];
  for (const { environment, locations, lookedAt } of layout.environments) {
    if (locations.length === 0) {
      problems.push(`${environment}: no place named (${lookedAt.join('; ')})`);
    }
    for (const location of locations) {
      const folder = serviceFolderOf(location.path, service);
      if (location.repoUrl && !sameRepo(location.repoUrl, repoUrl)) {
        problems.push(
          `${environment}: ${location.origin} deploys from ${location.repoUrl}, not ${repoUrl}`,
        );
      } else if (!folder) {
        problems.push(
          `${environment}: ${location.origin} names ${location.path}, in no folder named ${service} (shared with other services)`,
        );
      } else folders.add(folder);
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `Cannot tell which files to remove for ${service}: ${problems.join(
        '; ',
      )}`,
    );
  }
  return [...folders];
}

/**
 * The files to delete: the service's own folders its live objects deploy from in every environment (the portal's
 * layout `apps/<svc>/` when no live object deploys it), and the service's registrations under `clusters/`
 * (`<svc>.yaml` Applications, Flux Kustomizations and namespaces, `<svc>-appset.yaml`, `<svc>-previews.yaml`).
 * Team AppProjects stay: other services use them.
 */
export async function decommissionPaths(
  reader: ConfigRepoReader,
  ref: string,
  options: {
    service: string;
    /** The target config repo's URL. */
    repoUrl: string;
    /** What the live objects say; undefined without the gitops backend. */
    layout?: ServiceLayoutResponse;
  },
): Promise<string[]> {
  const { service } = options;
  const { files, registrations } = await reader.serviceFiles(service, ref);
  const deployed = options.layout?.environments.length
    ? liveFolders(options.layout, service, options.repoUrl)
    : [];
  if (deployed.length > 0) {
    const inside = (path: string) =>
      deployed.some(folder => path.startsWith(`${folder}/`));
    return [...deployed, ...registrations.filter(path => !inside(path))];
  }
  if (files.length === 0) {
    throw new InputError(
      `The config repo has no service ${service} (apps/${service}/)${
        options.layout ? ', and no live object deploys it' : ''
      }`,
    );
  }
  return [`apps/${service}`, ...registrations];
}
