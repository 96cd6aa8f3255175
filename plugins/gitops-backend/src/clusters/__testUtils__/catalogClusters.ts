import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CLUSTER_ANNOTATIONS } from '../readCatalogClusters';

/** A kubernetes-cluster Resource as the Kubernetes plugin's catalog locator reads it. */
export function clusterEntity(
  name: string,
  annotations: Record<string, string | undefined> = {},
  namespace = 'default',
): Entity {
  const all: Record<string, string | undefined> = {
    [CLUSTER_ANNOTATIONS.apiServer]: `https://${name}.example.com:6443`,
    [CLUSTER_ANNOTATIONS.certificateAuthority]: 'Y2E=',
    [CLUSTER_ANNOTATIONS.authProvider]: 'oidc',
    ...annotations,
  };
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace,
      annotations: Object.fromEntries(
        Object.entries(all).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ),
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  };
}

/**
 * Backstage's in-memory catalog (with its real filters) whose entities a test replaces between reads, as entities
 * are registered and unregistered. `fail` makes entity listings reject until cleared.
 */
export function changingCatalog(initial: Entity[] = []) {
  let entities = initial;
  let failure: Error | undefined;
  const methods = catalogServiceMock() as CatalogService;
  const catalog = new Proxy({} as CatalogService, {
    get(_target, method: keyof CatalogService) {
      // Only the catalog's methods: anything else (`then`, when the backend checks for a promise) is absent.
      if (typeof methods[method] !== 'function') return undefined;
      return (...args: unknown[]) => {
        if (failure && method === 'getEntities') return Promise.reject(failure);
        const current = catalogServiceMock({ entities }) as CatalogService;
        return (current[method] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return {
    catalog,
    set(next: Entity[]) {
      entities = next;
    },
    fail(error: Error | undefined) {
      failure = error;
    },
  };
}
