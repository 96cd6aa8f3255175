import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'cluster',
        action: 'gitops:cluster:request',
        name: 'Request the cluster',
        input,
      },
    ],
  });

const repoUrl = 'github.com?owner=acme&repo=gitops-config';

/** One example per provider type; the providers, versions and bounds are `gitops.clusterRequest`'s. */
export const examples: TemplateExample[] = [
  {
    description:
      'A Cluster API cluster from the `docker` provider: one control plane machine and two workers for staging',
    example: step({
      repoUrl,
      name: 'staging-eu-2',
      provider: 'docker',
      environment: 'staging',
      kubernetesVersion: 'v1.31.2',
      controlPlaneReplicas: 1,
      workerReplicas: 2,
      owner: 'platform',
    }),
  },
  {
    description:
      'A cluster claimed from a Crossplane composition (the `managed` provider), opened as a draft pull request',
    example: step({
      repoUrl,
      name: 'prod-us-1',
      provider: 'managed',
      environment: 'prod',
      kubernetesVersion: 'v1.30.6',
      workerReplicas: 3,
      owner: 'platform',
      draft: true,
    }),
  },
];
