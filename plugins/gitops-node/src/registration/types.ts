import type {
  RegistrationPoint,
  ServiceRegistration,
} from '@gitops-portal/plugin-gitops-common';
import { NewServiceManifestOptions } from '../manifests/types';

/** What registering a generated service needs besides its files. */
export interface RegistrationRequest {
  options: NewServiceManifestOptions;
  /** `generateServiceManifests`' files (standalone Applications included). */
  files: Record<string, string>;
  registration: ServiceRegistration;
  /** What discovery found on the base branch. */
  points: RegistrationPoint[];
  /** A file of the base branch (the ApplicationSet's), or undefined. */
  readFile(path: string): Promise<string | undefined>;
}

export type AppOfAppsPoint = Extract<RegistrationPoint, { mode: 'appOfApps' }>;
export type ApplicationSetPoint = Extract<
  RegistrationPoint,
  { mode: 'applicationSet' }
>;

/** The standalone Application files `argoApplicationFiles` writes, one per environment. */
export const standalonePath = (service: string, environment: string) =>
  `clusters/${environment}/argocd/${service}.yaml`;
