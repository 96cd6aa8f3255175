import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogLocatorSettings, ClusterEntry, SkippedCluster } from './types';

/** The cluster annotations of the Kubernetes plugin (@backstage/plugin-kubernetes-common). */
export const CLUSTER_ANNOTATIONS = {
  apiServer: 'kubernetes.io/api-server',
  certificateAuthority: 'kubernetes.io/api-server-certificate-authority',
  authProvider: 'kubernetes.io/auth-provider',
  skipTlsVerify: 'kubernetes.io/skip-tls-verify',
} as const;

/** The catalog locator's entities: Resources of type kubernetes-cluster. */
const CLUSTER_ENTITY_FILTER = {
  kind: 'Resource',
  'spec.type': 'kubernetes-cluster',
};

function entryOf(
  entity: Entity,
  settings: CatalogLocatorSettings,
): ClusterEntry | { reason: string } {
  const annotations = entity.metadata.annotations ?? {};
  // The Kubernetes plugin only takes entities with all three; say which is missing instead of ignoring it silently.
  const missing = [
    CLUSTER_ANNOTATIONS.apiServer,
    CLUSTER_ANNOTATIONS.certificateAuthority,
    CLUSTER_ANNOTATIONS.authProvider,
  ].filter(key => !annotations[key]);
  if (missing.length > 0) {
    return { reason: `missing annotation ${missing.join(', ')}` };
  }
  return {
    name: entity.metadata.name,
    source: 'catalog',
    origin: `catalog entity ${stringifyEntityRef(entity)}`,
    url: annotations[CLUSTER_ANNOTATIONS.apiServer],
    caData: annotations[CLUSTER_ANNOTATIONS.certificateAuthority],
    authProvider: annotations[CLUSTER_ANNOTATIONS.authProvider],
    // Only honoured when the locator method allows it, as in the Kubernetes plugin.
    skipTLSVerify:
      settings.allowSkipTLSVerify &&
      annotations[CLUSTER_ANNOTATIONS.skipTlsVerify] === 'true',
    urlFromCatalog: true,
  };
}

/**
 * The clusters the catalog declares, read with the plugin's own credentials. Entities are taken in ref order, so
 * of two entities with one name (in two namespaces) the same one always wins; the other is invalid.
 */
export async function readCatalogClusters(options: {
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  settings: CatalogLocatorSettings;
}): Promise<{ entries: ClusterEntry[]; invalid: SkippedCluster[] }> {
  const { items } = await options.catalog.getEntities(
    {
      filter: CLUSTER_ENTITY_FILTER,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const entities = [...items].sort((a, b) =>
    stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
  );
  const entries: ClusterEntry[] = [];
  const invalid: SkippedCluster[] = [];
  const byName = new Map<string, string>();
  for (const entity of entities) {
    const name = entity.metadata.name;
    const origin = `catalog entity ${stringifyEntityRef(entity)}`;
    const first = byName.get(name);
    if (first) {
      invalid.push({
        name,
        origin,
        reason: `${first} already names a cluster '${name}'`,
      });
      continue;
    }
    byName.set(name, origin);
    const entry = entryOf(entity, options.settings);
    if ('reason' in entry) invalid.push({ name, origin, reason: entry.reason });
    else entries.push(entry);
  }
  return { entries, invalid };
}
