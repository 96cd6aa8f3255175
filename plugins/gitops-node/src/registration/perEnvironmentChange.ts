import { InputError } from '@backstage/errors';
import type {
  RegistrationPoint,
  ServiceRegistration,
} from '@gitops-portal/plugin-gitops-common';
import { editYaml } from '../changes/editYaml';
import { ConfigRepoChange, YamlEdit } from '../changes/types';
import { appOfAppsChange } from './appOfAppsChange';
import { applicationSetChange } from './applicationSetChange';
import { RegistrationRequest, standalonePath } from './types';

type Via = Extract<ServiceRegistration, { mode: 'perEnvironment' }>['via'];

const KIND: Record<Via, string> = {
  appOfApps: 'app-of-apps folder',
  applicationSet: 'ApplicationSet',
};

const described = (point: RegistrationPoint) =>
  `${
    point.mode === 'appOfApps'
      ? point.target || '(repo root)'
      : `${point.target} (${point.file})`
  } (${point.environment ?? 'no environment'})`;

/** The one point of `via`'s kind serving each environment; InputError naming the service, environment and points. */
function pointsByEnvironment(request: RegistrationRequest, via: Via) {
  const { options } = request;
  const candidates = request.points.filter(point => point.mode === via);
  const lookedAt = `looked at: ${
    candidates.map(described).join(', ') || `no ${KIND[via]}`
  }`;
  return options.environments.map(env => {
    const serving = candidates.filter(point => point.environment === env.name);
    if (serving.length !== 1) {
      throw new InputError(
        serving.length === 0
          ? `registration: no ${KIND[via]} serves ${options.name}'s environment ${env.name} (${lookedAt})`
          : `registration: ${serving.length} ${KIND[via]}s serve ${
              options.name
            }'s environment ${env.name}: ${serving
              .map(p => p.target)
              .join(', ')} (${lookedAt})`,
      );
    }
    return { env, point: serving[0] };
  });
}

/**
 * The change that registers each environment at the point serving it: its Application into that environment's
 * app-of-apps folder (deploying to the server the folder's Applications share, unless the environment names its
 * own), or its overlay picked up by that environment's ApplicationSet. Every environment is resolved before
 * anything is written.
 */
export async function perEnvironmentChange(
  request: RegistrationRequest,
  via: Via,
  files: Record<string, string | null>,
): Promise<ConfigRepoChange> {
  const yamlEdits: YamlEdit[] = [];
  for (const { env, point } of pointsByEnvironment(request, via)) {
    const options = { ...request.options, environments: [env] };
    if (point.mode === 'applicationSet') {
      await applicationSetChange({ ...request, options }, point, files);
      continue;
    }
    const path = standalonePath(options.name, env.name);
    const server = env.server ?? point.server;
    const application = server
      ? editYaml(request.files[path], doc =>
          doc.setIn(['spec', 'destination', 'server'], server),
        )
      : request.files[path];
    const change = appOfAppsChange(
      { ...request, options, files: { ...request.files, [path]: application } },
      point,
      files,
    );
    yamlEdits.push(...(change.yamlEdits ?? []));
  }
  return { files, yamlEdits };
}
