import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      { id: 'promote', action: 'gitops:promote', name: 'Promote', input },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description: 'Promote what runs in staging to prod',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      from: 'staging',
      to: 'prod',
    }),
  },
  {
    description: 'Promote dev to staging and ask the team for a review',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      from: 'dev',
      to: 'staging',
      labels: ['promotion'],
      reviewers: ['alice'],
    }),
  },
  {
    description:
      'Promote only what staging pins at 1.3.2 (an image tag here; a digest or a chart version works the same way)',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      from: 'staging',
      to: 'prod',
      version: '1.3.2',
    }),
  },
];
