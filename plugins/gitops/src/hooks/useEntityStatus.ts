import type { Entity } from '@backstage/catalog-model';
import { useEntityRequest } from './useEntityRequest';

/** The entity's status (its objects and their clusters), refetched when a signal names the entity. */
export function useEntityStatus(entity: Entity) {
  return useEntityRequest(entity, (api, ref) => api.getEntityStatus(ref));
}
