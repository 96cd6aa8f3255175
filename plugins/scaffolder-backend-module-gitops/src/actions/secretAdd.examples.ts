import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'secret',
        action: 'gitops:secret:add',
        name: 'Add the secret',
        input,
      },
    ],
  });

const repoUrl = 'github.com?owner=acme&repo=gitops-config';

/** One example per method; which one applies is `gitops.secrets.environments.<environment>.method`. */
export const examples: TemplateExample[] = [
  {
    description:
      'An environment with External Secrets: an ExternalSecret that reads prod/web/db from the configured store (no value is taken)',
    example: step({
      repoUrl,
      service: 'web',
      environment: 'prod',
      name: 'db-credentials',
      key: 'password',
      remoteKey: 'prod/web/db',
      remoteProperty: 'password',
    }),
  },
  {
    description:
      "An environment with sealed-secrets: the value of a Secret form field, sealed with the controller's certificate",
    example: step({
      repoUrl,
      service: 'web',
      environment: 'staging',
      name: 'api-token',
      key: 'token',
      value: '${{ secrets.value }}',
    }),
  },
  {
    description:
      'An environment with SOPS: the value of a Secret form field, encrypted for the age recipients of .sops.yaml',
    example: step({
      repoUrl,
      service: 'web',
      environment: 'dev',
      name: 'api-token',
      key: 'token',
      value: '${{ secrets.value }}',
      labels: ['secrets'],
    }),
  },
];
