import { EntityMapping } from '../ObjectCache';

/** Catalog entities that claim Kubernetes objects, and their owning teams. */
export interface EntityIndex extends EntityMapping {
  /** Reload from the catalog and re-map the cache; resolves to the number of indexed entities. */
  refresh(): Promise<number>;
  /**
   * Reload once for an entity the catalog has but the index does not (it was
   * registered after the last refresh), so a new service's objects show at
   * once; a ref already tried since the last reload is not retried.
   */
  refreshForUnknown(entityRef: string): Promise<void>;
  /** Whether the entity carries Kubernetes annotations (is known to the index). */
  has(entityRef: string): boolean;
  /** Entity refs owned by a team (group ref). */
  entitiesOfTeam(team: string): string[];
  /** Every entity some team owns (what team views show). */
  ownedEntities(): string[];
  /** Whether any indexed entity is owned by the team. */
  hasTeam(team: string): boolean;
}
