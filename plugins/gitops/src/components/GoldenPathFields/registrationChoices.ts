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

/** Standalone first, then what discovery found, labelled with where the service's Applications come from. */
export function registrationChoices(
  points: RegistrationPoint[],
): RegistrationChoice[] {
  return [
    STANDALONE,
    ...points.map(point => ({
      key: `${point.mode}:${point.target}`,
      value: { mode: point.mode, target: point.target },
      label:
        point.mode === 'appOfApps'
          ? `App-of-apps folder ${point.target || '(repo root)'} (root app ${
              point.parent
            })`
          : `ApplicationSet ${point.target} (git ${
              point.generator
            } ${point.paths.join(', ')})`,
    })),
  ];
}

/** The key of a form value, `standalone` for none. */
export const keyOf = (value: unknown): string => {
  const registration = value as Partial<ServiceRegistration> | undefined;
  if (!registration?.mode || registration.mode === 'standalone') {
    return STANDALONE.key;
  }
  return `${registration.mode}:${(registration as { target?: string }).target}`;
};
