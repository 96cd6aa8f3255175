import { InputError } from '@backstage/errors';
import {
  ARGOCD_IN_CLUSTER_SERVER,
  type RegistrationPoint,
} from '@gitops-portal/plugin-gitops-common';
import { stringify } from 'yaml';
import { NewServiceManifestOptions } from '../manifests/types';

/**
 * The parameters a config file of the portal carries, one file per environment. An ApplicationSet whose template
 * reads other keys cannot be fed by the portal: `assertTemplateKeys` refuses it.
 */
export const APPLICATION_SET_PARAM_KEYS = [
  'service',
  'environment',
  'team',
  'namespace',
  'overlay',
  'server',
] as const;

/** The config file a files-generator glob reads for one name: the glob's one `*` in its last segment replaced. */
function configFilePath(glob: string, name: string): string {
  const slash = glob.lastIndexOf('/');
  const dir = glob.slice(0, slash + 1);
  const file = glob.slice(slash + 1);
  if (
    /[*?[\]]/.test(dir) ||
    file.split('*').length !== 2 ||
    /[?[\]]/.test(file)
  ) {
    throw new InputError(
      `registration.target: the portal writes config files for a files glob with one * in its file name, not ${glob}`,
    );
  }
  return `${dir}${file.replace('*', name)}`;
}

/** `<glob dir>/<service>-<env>.<ext>`: one config file per environment, in the format its extension names. */
export function applicationSetParams(
  options: NewServiceManifestOptions,
  point: Extract<RegistrationPoint, { mode: 'applicationSet' }>,
): Record<string, string> {
  const glob = point.paths[0];
  return Object.fromEntries(
    options.environments.map(env => {
      const path = configFilePath(glob, `${options.name}-${env.name}`);
      const params = {
        service: options.name,
        environment: env.name,
        team: options.team,
        namespace: options.name,
        overlay: `apps/${options.name}/overlays/${env.name}`,
        server: env.server ?? ARGOCD_IN_CLUSTER_SERVER,
      };
      const text = path.endsWith('.json')
        ? `${JSON.stringify(params, null, 2)}\n`
        : stringify(params);
      return [path, text];
    }),
  );
}

/**
 * Refuses an ApplicationSet whose template reads a parameter the portal's config files do not carry (the
 * generator's own `path.*` parameters aside), naming them: the Applications it generated would be incomplete.
 */
export function assertTemplateKeys(templateText: string, target: string): void {
  const used = new Set<string>();
  for (const match of templateText.matchAll(/\{\{-?\s*\.?([A-Za-z_][\w]*)/g)) {
    used.add(match[1]);
  }
  const known = new Set<string>([...APPLICATION_SET_PARAM_KEYS, 'path']);
  const unknown = [...used].filter(key => !known.has(key));
  if (unknown.length > 0) {
    throw new InputError(
      `registration.target ${target}: its template reads ${unknown.join(
        ', ',
      )}, which the portal's config files do not carry (they carry ${APPLICATION_SET_PARAM_KEYS.join(
        ', ',
      )})`,
    );
  }
}
