/**
 * The generated team of bench/views: one Group and SERVICES Components (catalog YAML), and per environment one
 * Argo CD Application per service (cluster objects), every 7th one broken somewhere.
 */
import { stringify } from 'yaml';

export const TEAM = 'bench-team';
export const TEAM_REF = `group:default/${TEAM}`;
export const SERVICES = Number(process.env.BENCH_SERVICES ?? 500);
const ID = 'backstage.io/kubernetes-id';

export const serviceName = (i: number) =>
  `bench-svc-${String(i).padStart(3, '0')}`;

/** A multi-document catalog file: the team and its services. */
export function catalogYaml(): string {
  const group = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: TEAM, title: 'Bench team' },
    spec: { type: 'team', children: [] },
  };
  const components = Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: serviceName(i), annotations: { [ID]: serviceName(i) } },
    spec: { type: 'service', lifecycle: 'production', owner: TEAM },
  }));
  return [group, ...components].map(doc => stringify(doc)).join('---\n');
}

/** One Application per service in an environment's cluster; every 7th service is unwell in `brokenIn`. */
export function applications(environment: string, brokenIn: string) {
  return Array.from({ length: SERVICES }, (_, i) => {
    const broken = i % 7 === 0 && environment === brokenIn;
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: `${serviceName(i)}-${environment}`,
        namespace: 'argocd',
        labels: { [ID]: serviceName(i), env: environment },
      },
      spec: {
        project: 'default',
        source: {
          repoURL: 'https://github.com/acme/gitops-config.git',
          path: `apps/${serviceName(i)}/overlays/${environment}`,
          targetRevision: 'main',
        },
        destination: { namespace: serviceName(i) },
      },
      status: {
        sync: {
          status: broken ? 'OutOfSync' : 'Synced',
          revision: 'b'.repeat(40),
        },
        health: broken
          ? {
              status: 'Degraded',
              message: 'Deployment exceeded its progress deadline',
            }
          : { status: 'Healthy' },
      },
    };
  });
}
