import { EntityMapping } from '../StatusCache';

/** Catalog entities that claim Kubernetes objects, and their owning teams. */
export interface EntityIndex extends EntityMapping {
  /** Reload from the catalog and re-map the cache; resolves to the number of indexed entities. */
  refresh(): Promise<number>;
  /** Whether the entity carries Kubernetes annotations (is known to the index). */
  has(entityRef: string): boolean;
  /** Entity refs owned by a team (group ref). */
  entitiesOfTeam(team: string): string[];
  /** Whether any indexed entity is owned by the team. */
  hasTeam(team: string): boolean;
}
