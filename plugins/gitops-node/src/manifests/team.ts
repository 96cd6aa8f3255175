import { ARGOCD_IN_CLUSTER_SERVER } from '@gitops-portal/plugin-gitops-common';
import { yamlDocs } from './yamlText';
import { NewServiceManifestOptions } from './types';

/**
 * `clusters/<env>/namespaces/<service>.yaml`: the service's Namespace and a
 * RoleBinding giving the owning team's group `edit` in it.
 */
export function namespaceFiles(
  options: NewServiceManifestOptions,
): Record<string, string> {
  const { name, team } = options;
  return Object.fromEntries(
    options.environments.map(env => {
      const labels = { team, env: env.name };
      return [
        `clusters/${env.name}/namespaces/${name}.yaml`,
        yamlDocs(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } },
          {
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'RoleBinding',
            metadata: { name: `${team}-edit`, namespace: name, labels },
            roleRef: {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'ClusterRole',
              name: 'edit',
            },
            subjects: [
              {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'Group',
                name: team,
              },
            ],
          },
        ),
      ];
    }),
  );
}

/**
 * `clusters/<env>/argocd/projects/<team>.yaml`: the team's Argo CD AppProject,
 * limited to the config repo. Shared by the team's
 * services: regenerating it for another service writes the same text.
 */
export function appProjectFiles(
  options: NewServiceManifestOptions,
  repoUrl: string,
): Record<string, string> {
  return Object.fromEntries(
    options.environments.map(env => [
      `clusters/${env.name}/argocd/projects/${options.team}.yaml`,
      yamlDocs({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: {
          name: options.team,
          namespace: 'argocd',
          labels: { team: options.team },
        },
        spec: {
          description: `Services of team ${options.team}`,
          // A chart repository's chart is a second source the project must allow.
          sourceRepos: [
            repoUrl,
            options.chart?.repoUrl?.replace(/^oci:\/\//, ''),
          ].filter(
            (url): url is string =>
              !!url && (url === repoUrl || options.packaging === 'helm'),
          ),
          destinations: [
            {
              namespace: '*',
              server: env.server ?? ARGOCD_IN_CLUSTER_SERVER,
            },
          ],
          clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
        },
      }),
    ]),
  );
}
