import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'previews',
        action: 'gitops:preview:enable',
        name: 'Enable preview environments',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'A preview of every open pull request of the web repository, built from the dev overlay',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'dev',
      serviceRepoUrl: 'github.com?owner=acme&repo=web',
    }),
  },
  {
    description:
      'Previews only of pull requests labelled `preview`, listed every two minutes, with the token from the Secret `github-previews`',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'staging',
      serviceRepoUrl: 'github.com?owner=acme&repo=web',
      previewLabels: ['preview'],
      requeueAfterSeconds: 120,
      tokenSecretName: 'github-previews',
    }),
  },
];
