import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'decommission',
        action: 'gitops:decommission',
        name: 'Decommission',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description: 'Remove a service and its Argo CD Applications and namespaces',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
    }),
  },
  {
    description:
      'Remove a service as a draft PR for the platform team to review',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      draft: true,
      teamReviewers: ['platform'],
      labels: ['decommission'],
    }),
  },
];
