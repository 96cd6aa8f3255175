import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'drift-policy',
        action: 'gitops:drift-policy:set',
        name: 'Change the drift policy',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'Stop reverting changes made in the prod cluster (Argo CD self-heal off) while an incident is investigated',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'prod',
      driftPolicy: { selfHeal: false },
    }),
  },
  {
    description:
      'Let an autoscaler own the replicas of the staging Deployment: Argo CD ignores the field and does not sync it back',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      environment: 'staging',
      driftPolicy: {
        ignoreDifferences: [
          {
            group: 'apps',
            kind: 'Deployment',
            name: 'web',
            jsonPointers: ['/spec/replicas'],
          },
        ],
      },
      labels: ['drift-policy'],
    }),
  },
];
