import { Entity } from '@backstage/catalog-model';

export function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

export function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/** A Crossplane XRD defining XDatabase (composite) and Database (claim). */
export function databaseXrd() {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xdatabases.platform.example.org' },
    spec: {
      group: 'platform.example.org',
      names: { kind: 'XDatabase', plural: 'xdatabases' },
      claimNames: { kind: 'Database', plural: 'databases' },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: { size: { type: 'string' } },
                },
              },
            },
          },
        },
      ],
    },
  };
}

/** The CRD Crossplane would create for the XDatabase composite (cluster-scoped). */
export function databaseCompositeCrd() {
  const crd = databaseClaimCrd();
  return {
    ...crd,
    metadata: { name: 'xdatabases.platform.example.org' },
    spec: {
      ...crd.spec,
      scope: 'Cluster',
      names: {
        kind: 'XDatabase',
        plural: 'xdatabases',
        singular: 'xdatabase',
        listKind: 'XDatabaseList',
      },
    },
  };
}

/** The CRD Crossplane would create for the Database claim. */
export function databaseClaimCrd() {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'databases.platform.example.org' },
    spec: {
      group: 'platform.example.org',
      scope: 'Namespaced',
      names: {
        kind: 'Database',
        plural: 'databases',
        singular: 'database',
        listKind: 'DatabaseList',
      },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
          subresources: { status: {} },
        },
      ],
    },
  };
}

export function databaseClaim(name: string, ready: 'True' | 'False') {
  return {
    apiVersion: 'platform.example.org/v1alpha1',
    kind: 'Database',
    metadata: { name, namespace: 'default' },
    spec: { size: 'small' },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
        {
          type: 'Ready',
          status: ready,
          reason: ready === 'True' ? 'Available' : 'Creating',
        },
      ],
    },
  };
}
