import { PROMOTION_LAYOUTS } from '@gitops-portal/plugin-gitops-node';

/**
 * Whether a pull request's files change one environment of a service: a file at a place the environment's live
 * objects deploy from (`places`: a folder or a file), under the service's folder of that environment in any layout
 * promotions know (`apps/<service>/overlays/<env>/`, `apps/<service>/envs/<env>/` holding a Helm values file…), or
 * under the environment's cluster folder. Layouts shared by several services (`apps/<env>/`) count through the
 * cluster folder only, as a file there may be any service's.
 */
export function changesEnvironment(
  files: string[],
  service: string,
  environment: string,
  places: string[] = [],
): boolean {
  const atPlace = (file: string) =>
    places.some(place =>
      place.endsWith('/') ? file.startsWith(place) : file === place,
    );
  if (files.some(atPlace)) return true;
  const folders = [
    ...PROMOTION_LAYOUTS.filter(layout => layout.recursive).map(layout =>
      layout.folder.replace('{service}', service).replace('{env}', environment),
    ),
    `clusters/${environment}/`,
  ];
  return files.some(file => folders.some(folder => file.startsWith(folder)));
}
