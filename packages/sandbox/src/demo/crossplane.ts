import { DemoService } from './demoServices';
import { DemoEnvironment } from './environments';

export type ClaimType = 'database' | 'bucket' | 'queue';

interface ClaimKind {
  claimKind: string;
  claimPlural: string;
  compositeKind: string;
  compositePlural: string;
  managed: { apiVersion: string; kind: string; plural: string };
  parameters: Record<string, unknown>;
  /** The claim's parameter schema, as a platform team would publish it in the XRD. */
  schema: Record<string, unknown>;
}

export const XRD_GROUP = 'platform.acme.io';
export const XRD_VERSION = 'v1alpha1';

export const CLAIM_KINDS: Record<ClaimType, ClaimKind> = {
  database: {
    claimKind: 'PostgreSQLInstance',
    claimPlural: 'postgresqlinstances',
    compositeKind: 'XPostgreSQLInstance',
    compositePlural: 'xpostgresqlinstances',
    managed: {
      apiVersion: 'rds.aws.upbound.io/v1beta1',
      kind: 'Instance',
      plural: 'instances',
    },
    parameters: { storageGB: 20, version: '16', size: 'small' },
    schema: {
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
        size: {
          type: 'string',
          enum: ['small', 'medium', 'large'],
          default: 'small',
        },
      },
    },
  },
  bucket: {
    claimKind: 'Bucket',
    claimPlural: 'buckets',
    compositeKind: 'XBucket',
    compositePlural: 'xbuckets',
    managed: {
      apiVersion: 's3.aws.upbound.io/v1beta1',
      kind: 'Bucket',
      plural: 'buckets',
    },
    parameters: { versioning: true, retentionDays: 30 },
    schema: {
      type: 'object',
      properties: {
        versioning: { type: 'boolean', default: false },
        retentionDays: { type: 'integer', minimum: 1, maximum: 3650 },
      },
    },
  },
  queue: {
    claimKind: 'Queue',
    claimPlural: 'queues',
    compositeKind: 'XQueue',
    compositePlural: 'xqueues',
    managed: {
      apiVersion: 'sqs.aws.upbound.io/v1beta1',
      kind: 'Queue',
      plural: 'queues',
    },
    parameters: { fifo: false, visibilityTimeoutSeconds: 30 },
    schema: {
      type: 'object',
      properties: {
        fifo: { type: 'boolean', default: false },
        visibilityTimeoutSeconds: {
          type: 'integer',
          minimum: 0,
          maximum: 43200,
        },
      },
    },
  },
};

const openSchema = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
};

function crd(
  group: string,
  version: string,
  kind: string,
  plural: string,
  scope: 'Namespaced' | 'Cluster',
  categories?: string[],
) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope,
      names: {
        kind,
        plural,
        singular: kind.toLowerCase(),
        listKind: `${kind}List`,
        ...(categories ? { categories } : {}),
      },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: { openAPIV3Schema: openSchema },
        },
      ],
    },
  };
}

/** An XRD a platform team publishes: its claim and composite kinds and the managed resource kinds it composes. */
export interface XrdDefinition {
  claimKind: string;
  claimPlural: string;
  compositeKind: string;
  compositePlural: string;
  managed: Array<{ apiVersion: string; kind: string; plural: string }>;
  /** The claim's parameter schema. */
  schema: Record<string, unknown>;
  connectionSecretKeys: string[];
}

/** One XRD and the CRDs Crossplane and its providers would create from it (claim, composite, managed kinds). */
export function xrdDefinitions(k: XrdDefinition) {
  return [
    {
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'CompositeResourceDefinition',
      metadata: { name: `${k.compositePlural}.${XRD_GROUP}` },
      spec: {
        group: XRD_GROUP,
        names: { kind: k.compositeKind, plural: k.compositePlural },
        claimNames: { kind: k.claimKind, plural: k.claimPlural },
        connectionSecretKeys: k.connectionSecretKeys,
        versions: [
          {
            name: XRD_VERSION,
            served: true,
            referenceable: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    required: ['parameters'],
                    properties: { parameters: k.schema },
                  },
                },
              },
            },
          },
        ],
      },
      status: {
        conditions: [
          {
            type: 'Established',
            status: 'True',
            reason: 'WatchingCompositeResource',
          },
        ],
      },
    },
    crd(XRD_GROUP, XRD_VERSION, k.compositeKind, k.compositePlural, 'Cluster'),
    crd(XRD_GROUP, XRD_VERSION, k.claimKind, k.claimPlural, 'Namespaced'),
    ...k.managed.map(m => {
      const [managedGroup, managedVersion] = m.apiVersion.split('/');
      return crd(
        managedGroup,
        managedVersion,
        m.kind,
        m.plural,
        'Cluster',
        // as the AWS provider's CRDs are: the portal tells managed resource kinds by the `managed` category
        ['crossplane', 'managed', 'aws'],
      );
    }),
  ];
}

/** The XRDs of the service claims, and the CRDs Crossplane and its providers would create from them. */
export function crossplaneDefinitions() {
  return Object.values(CLAIM_KINDS).flatMap(k =>
    xrdDefinitions({
      ...k,
      managed: [k.managed],
      connectionSecretKeys: ['endpoint', 'username', 'password'],
    }),
  );
}

/** A claim as a service team commits it to the config repo. */
export function claimManifest(
  service: DemoService,
  env: DemoEnvironment,
  type: ClaimType,
  name: string,
) {
  const k = CLAIM_KINDS[type];
  return {
    apiVersion: `${XRD_GROUP}/${XRD_VERSION}`,
    kind: k.claimKind,
    metadata: {
      name,
      namespace: service.name,
      labels: {
        'backstage.io/kubernetes-id': service.name,
        'gitops-portal.io/environment': env.name,
        team: service.team,
      },
    },
    spec: {
      parameters: k.parameters,
      writeConnectionSecretToRef: { name: `${name}-connection` },
    },
  };
}
