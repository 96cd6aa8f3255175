import { InputError } from '@backstage/errors';
import { kustomizationResourceEdit } from '../changes/editYaml';
import { ConfigRepoChange } from '../changes/types';
import { AppOfAppsPoint, RegistrationRequest, standalonePath } from './types';

/**
 * The service's Applications of `request.options.environments` as one file in the folder (and its
 * kustomization.yaml): the root app applies them all (Argo CD reads multi-document YAML in a directory source),
 * and the service's files stay one add / one delete per folder.
 */
export function appOfAppsChange(
  request: RegistrationRequest,
  point: AppOfAppsPoint,
  files: Record<string, string | null>,
): ConfigRepoChange {
  const { options } = request;
  const taken = options.environments
    .map(env => `${options.name}-${env.name}`)
    .filter(name => point.applications.includes(name));
  if (taken.length > 0) {
    throw new InputError(
      `registration.target ${
        point.target
      } already holds the Application(s) ${taken.join(', ')}`,
    );
  }
  const applications = options.environments.map(
    env => request.files[standalonePath(options.name, env.name)],
  );
  const file = `${options.name}.yaml`;
  const folder = point.target ? `${point.target}/` : '';
  files[`${folder}${file}`] = applications.join('---\n');
  return {
    files,
    yamlEdits: point.kustomization
      ? [kustomizationResourceEdit(`${folder}kustomization.yaml`, file)]
      : [],
  };
}
