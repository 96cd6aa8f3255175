import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      { id: 'rollback', action: 'gitops:rollback', name: 'Roll back', input },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description: 'Revert the last change to the prod overlay',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'prod',
    }),
  },
  {
    description: 'Pin prod to a known-good tag, as an urgent labelled PR',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'prod',
      toImageTag: '1.3.0',
      labels: ['rollback', 'urgent'],
    }),
  },
];
