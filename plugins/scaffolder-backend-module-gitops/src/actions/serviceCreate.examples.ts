import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'A service in two environments, one Argo CD Application each',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'gitops:service:create',
          name: 'Add the service to the config repo',
          input: {
            repoUrl: 'github.com?owner=acme&repo=gitops-config',
            name: 'checkout',
            team: 'payments',
            image: 'ghcr.io/acme/checkout',
            environments: [
              { name: 'dev', replicas: 1, imageTag: '1.0.0' },
              { name: 'prod', replicas: 3, imageTag: '1.0.0' },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'An Argo CD ApplicationSet, an autoscaler and a migration Job, as a labelled draft PR',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'gitops:service:create',
          name: 'Add the service to the config repo',
          input: {
            repoUrl: 'github.com?owner=acme&repo=gitops-config',
            name: 'orders',
            team: 'payments',
            image: 'ghcr.io/acme/orders',
            environments: [
              { name: 'dev', replicas: 1, imageTag: '2.1.0' },
              { name: 'staging', replicas: 2, imageTag: '2.0.3' },
            ],
            argocdMode: 'applicationset',
            hpa: { minReplicas: 2, maxReplicas: 6 },
            migration: { command: ['./migrate', 'up'] },
            labels: ['gitops', 'new-service'],
            draft: true,
          },
        },
      ],
    }),
  },
  {
    description: 'A service delivered by Flux Kustomizations',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'gitops:service:create',
          name: 'Add the service to the config repo',
          input: {
            repoUrl: 'github.com?owner=acme&repo=gitops-config',
            name: 'ledger',
            team: 'finance',
            image: 'ghcr.io/acme/ledger',
            engine: 'flux',
            environments: [{ name: 'dev', replicas: 1, imageTag: '0.9.0' }],
          },
        },
      ],
    }),
  },
];
