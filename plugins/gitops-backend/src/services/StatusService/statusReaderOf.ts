import { StatusReader, StatusService } from './types';

/** The in-memory service behind the async reader interface (single replica: no I/O, same speed). */
export function statusReaderOf(service: StatusService): StatusReader {
  return {
    entityObjects: async entityRef => service.entityObjects(entityRef),
    teamEntities: team => service.teamEntities(team),
    hasTeam: team => service.hasTeam(team),
    knowsEntity: entityRef => service.knowsEntity(entityRef),
    teamStatus: async (team, entityRefs) =>
      service.teamStatus(team, entityRefs),
    overviewObjects: async query => service.overviewObjects(query),
    history: (entityRef, options) => service.history(entityRef, options),
    clusters: async () => service.clusters(),
    xrds: async () => service.xrds(),
  };
}
