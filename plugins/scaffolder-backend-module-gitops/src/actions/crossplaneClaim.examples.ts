import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** A PostgreSQL XRD as the gitops backend's /xrds route serves it. */
export const postgresXrd = {
  name: 'xpostgresqlinstances.database.acme.io',
  group: 'database.acme.io',
  compositeKind: 'XPostgreSQLInstance',
  claimKind: 'PostgreSQLInstance',
  claimPlural: 'postgresqlinstances',
  cluster: 'prod',
  versions: [
    {
      name: 'v1alpha1',
      served: true,
      referenceable: true,
      schema: {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              parameters: {
                type: 'object',
                required: ['storageGB'],
                properties: {
                  storageGB: { type: 'integer', minimum: 10, maximum: 1000 },
                  tier: { type: 'string', enum: ['small', 'medium', 'large'] },
                  highAvailability: { type: 'boolean' },
                },
              },
            },
          },
        },
      },
    },
  ],
};

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'claim',
        action: 'gitops:crossplane:claim',
        name: 'Request a database',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'A PostgreSQL database for the web service (the xrd comes from a picker field)',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      name: 'web-db',
      xrd: postgresXrd,
      parameters: { storageGB: 20, tier: 'small' },
    }),
  },
  {
    description: 'A highly available database with a named connection secret',
    example: step({
      repoUrl: 'github.com?owner=acme&repo=gitops-config',
      service: 'web',
      name: 'web-ledger-db',
      xrd: postgresXrd,
      parameters: { storageGB: 100, tier: 'large', highAvailability: true },
      connectionSecretName: 'ledger-db-credentials',
      labels: ['infrastructure'],
    }),
  },
];
