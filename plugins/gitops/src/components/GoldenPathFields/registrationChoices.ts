import type {
  RegistrationPoint,
  ServiceRegistration,
} from '@gitops-portal/plugin-gitops-common';

/** One entry of the registration picker: its value for the action, and what the form shows. */
export interface RegistrationChoice {
  key: string;
  value: ServiceRegistration;
  label: string;
}

export const STANDALONE: RegistrationChoice = {
  key: 'standalone',
  value: { mode: 'standalone' },
  label: 'Its own Applications (clusters/<environment>/argocd/)',
};

type Via = Extract<ServiceRegistration, { mode: 'perEnvironment' }>['via'];

const POINT_KIND: Record<Via, string> = {
  appOfApps: 'App-of-apps folder',
  applicationSet: 'ApplicationSet',
};

const servesLabel = (point: RegistrationPoint) =>
  point.environment ? `, serves ${point.environment}` : '';

/**
 * A registration "set" of `via`'s kind when discovery found a point serving some environment, labelled with each
 * environment's point; the action refuses an environment of the service that none, or two, serve.
 */
function perEnvironmentChoice(
  points: RegistrationPoint[],
  via: Via,
): RegistrationChoice[] {
  const serving = points.filter(p => p.mode === via && p.environment);
  if (serving.length === 0) return [];
  return [
    {
      key: `perEnvironment:${via}`,
      value: { mode: 'perEnvironment', via },
      label: `${POINT_KIND[via]} per environment (${serving
        .map(p => `${p.environment}: ${p.target || '(repo root)'}`)
        .join(', ')})`,
    },
  ];
}

/**
 * Standalone first, then the per-environment sets, then each point discovery found, labelled with where the
 * service's Applications come from and the environment it serves.
 */
export function registrationChoices(
  points: RegistrationPoint[],
): RegistrationChoice[] {
  return [
    STANDALONE,
    ...perEnvironmentChoice(points, 'appOfApps'),
    ...perEnvironmentChoice(points, 'applicationSet'),
    ...points.map(point => ({
      key: `${point.mode}:${point.target}`,
      value: { mode: point.mode, target: point.target },
      label:
        point.mode === 'appOfApps'
          ? `App-of-apps folder ${point.target || '(repo root)'} (root app ${
              point.parent
            }${servesLabel(point)})`
          : `ApplicationSet ${point.target} (git ${
              point.generator
            } ${point.paths.join(', ')}${servesLabel(point)})`,
    })),
  ];
}

/** The key of a form value, `standalone` for none. */
export const keyOf = (value: unknown): string => {
  const registration = value as Partial<ServiceRegistration> | undefined;
  if (!registration?.mode || registration.mode === 'standalone') {
    return STANDALONE.key;
  }
  if (registration.mode === 'perEnvironment') {
    return `perEnvironment:${registration.via}`;
  }
  return `${registration.mode}:${(registration as { target?: string }).target}`;
};
