import type { Xrd } from '@gitops-portal/plugin-gitops-common';

const postgresParameters = {
  type: 'object',
  required: ['storageGB'],
  properties: {
    storageGB: {
      type: 'integer',
      minimum: 10,
      maximum: 1000,
      description: 'Allocated storage in GB.',
    },
    version: { type: 'string', enum: ['14', '15', '16'], default: '16' },
    owner: { type: 'string', description: 'Who to page.' },
    highAvailability: { type: 'boolean', default: false },
    backup: {
      type: 'object',
      properties: {
        retentionDays: { type: 'integer', minimum: 1, default: 7 },
      },
    },
  },
};

function xrd(
  claimKind: string | undefined,
  name: string,
  parameters: object,
  cluster = 'dev',
): Xrd {
  return {
    name,
    group: 'platform.acme.io',
    compositeKind: `X${claimKind ?? 'Thing'}`,
    ...(claimKind
      ? { claimKind, claimPlural: `${claimKind.toLowerCase()}s` }
      : {}),
    versions: [
      { name: 'v1alpha1', served: true, referenceable: false, schema: {} },
      {
        name: 'v1beta1',
        served: true,
        referenceable: true,
        schema: {
          type: 'object',
          properties: {
            spec: { type: 'object', properties: { parameters } },
          },
        },
      },
    ],
    cluster,
  };
}

/** The same PostgreSQL XRD in two clusters, a Bucket XRD, and an XRD without a claim. */
export const TEST_XRDS: Xrd[] = [
  xrd(
    'PostgreSQLInstance',
    'xpostgresqlinstances.platform.acme.io',
    postgresParameters,
  ),
  xrd(
    'PostgreSQLInstance',
    'xpostgresqlinstances.platform.acme.io',
    postgresParameters,
    'prod',
  ),
  xrd('Bucket', 'xbuckets.platform.acme.io', {
    type: 'object',
    properties: { versioning: { type: 'boolean', default: true } },
  }),
  xrd(undefined, 'xnetworks.platform.acme.io', { type: 'object' }),
];
