import { generateServiceManifests } from '../manifests/generateServiceManifests';
import { NewServiceManifestOptions } from '../manifests/types';

/** A service like the sandbox's: three environments, Argo CD, one Application per environment. */
export function webService(
  overrides: Partial<NewServiceManifestOptions> = {},
): NewServiceManifestOptions {
  return {
    name: 'web',
    team: 'payments',
    image: 'ghcr.io/acme/web',
    environments: [
      { name: 'dev', replicas: 1, imageTag: '1.4.0' },
      { name: 'staging', replicas: 2, imageTag: '1.3.2' },
      { name: 'prod', replicas: 3, imageTag: '1.3.1' },
    ],
    delivery: {
      engine: 'argocd',
      repoUrl: 'https://github.com/acme/gitops-config',
    },
    ...overrides,
  };
}

/** A config repo that already holds the `web` service. */
export function seededRepoFiles(): Record<string, string> {
  return {
    'README.md': '# gitops-config\n',
    ...generateServiceManifests(webService()),
  };
}
