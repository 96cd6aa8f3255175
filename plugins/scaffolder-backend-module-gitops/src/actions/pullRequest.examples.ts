import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'pr',
        action: 'gitops:pull-request',
        name: 'Change the config repo',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description: 'Scale prod with a structured YAML patch (comments are kept)',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      title: 'Scale web in prod to 5 replicas',
      yamlPatches: [
        {
          path: 'apps/web/overlays/prod/kustomization.yaml',
          set: { 'replicas.0.count': 5 },
        },
      ],
    }),
  },
  {
    description: 'Add a ConfigMap to the dev overlay as whole files',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      branch: 'gitops/web-dev-settings',
      files: {
        'apps/web/overlays/dev/settings.yaml': yaml.stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'web-settings', labels: { team: 'payments' } },
          data: { LOG_LEVEL: 'debug' },
        }),
      },
      yamlPatches: [
        {
          path: 'apps/web/overlays/dev/kustomization.yaml',
          set: { 'resources.1': 'settings.yaml' },
        },
      ],
    }),
  },
  {
    description: 'Copy a skeleton rendered into the workspace into the repo',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      sourcePath: 'config',
      targetPath: 'apps/web/overlays/staging',
      labels: ['gitops'],
    }),
  },
];
