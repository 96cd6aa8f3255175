import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'onboard',
        action: 'gitops:team:onboard',
        name: 'Onboard the team',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'Onboard the search team to every environment (namespace `search`)',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      team: 'search',
      environments: ['dev', 'staging', 'prod'],
    }),
  },
  {
    description:
      'Onboard a team to dev only, in its own namespace, for the platform team to review',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      team: 'data',
      namespace: 'data-sandbox',
      environments: ['dev'],
      teamReviewers: ['platform'],
      labels: ['onboarding'],
    }),
  },
];
