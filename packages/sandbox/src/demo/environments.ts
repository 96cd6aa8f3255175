/** The sandbox's environments, one emulated cluster each, in promotion order. */
export interface DemoEnvironment {
  name: 'dev' | 'staging' | 'prod';
  replicas: number;
  /** The image tag deployed there: dev runs ahead of staging, staging ahead of prod. */
  imageTag: string;
}

export const DEMO_ENVIRONMENTS: DemoEnvironment[] = [
  { name: 'dev', replicas: 1, imageTag: '1.4.0' },
  { name: 'staging', replicas: 2, imageTag: '1.3.2' },
  { name: 'prod', replicas: 3, imageTag: '1.3.1' },
];

/** The owner/name of the seeded GitOps config repo in the GitHub emulator. */
export const CONFIG_REPO = { owner: 'acme', repo: 'gitops-config' };
