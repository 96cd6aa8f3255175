import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  entityKubernetesMatchers,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KubernetesObjectMatcher,
  objectMatchesEntity,
} from '@gitops-portal/plugin-gitops-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ObjectCache } from '../ObjectCache';
import { EntityIndex } from './types';

interface IndexedEntity {
  ref: string;
  team?: string;
  matchers: KubernetesObjectMatcher[];
}

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The entity's owner as a full group ref (`group:default/team-a`). */
function teamOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

export function createEntityIndex(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  cache: ObjectCache;
}): EntityIndex {
  const { catalog, auth, logger, cache } = options;
  let byRef = new Map<string, IndexedEntity>();
  let byTeam = new Map<string, string[]>();
  // Most entities claim objects by kubernetes-id: look those up by label
  // value; only label-selector entities are scanned for every object.
  let byKubernetesId = new Map<string, IndexedEntity[]>();
  let bySelector: IndexedEntity[] = [];
  let signature = '';
  // Refs looked up since the last reload that the index did not have: an entity without Kubernetes annotations
  // must not make every request reload the catalog.
  let triedUnknown = new Set<string>();
  let inFlight: Promise<number> | undefined;
  const reload = () => {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const index: EntityIndex = {
    entityRefsFor(object) {
      const id = object.labels?.[KUBERNETES_ID_LABEL];
      const candidates = new Set([
        ...((id !== undefined && byKubernetesId.get(id)) || []),
        ...bySelector,
      ]);
      return [...candidates]
        .filter(entity => objectMatchesEntity(object, entity.matchers))
        .map(entity => entity.ref);
    },
    teamOf: ref => byRef.get(refKey(ref))?.team,
    has: ref => byRef.has(refKey(ref)),
    entitiesOfTeam: team => byTeam.get(refKey(team)) ?? [],
    ownedEntities: () => [...byTeam.values()].flat(),
    hasTeam: team => byTeam.has(refKey(team)),
    refresh() {
      // A full (scheduled) reload may look for unknown refs again afterwards.
      triedUnknown = new Set();
      return reload();
    },
    async refreshForUnknown(entityRef) {
      const key = refKey(entityRef);
      if (byRef.has(key) || triedUnknown.has(key)) return;
      triedUnknown.add(key);
      await reload();
    },
  };

  async function load(): Promise<number> {
    const credentials = await auth.getOwnServiceCredentials();
    const loaded: IndexedEntity[] = [];
    const pages = catalog.streamEntities(
      {
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials },
    );
    for await (const page of pages) {
      for (const entity of page) {
        const annotations = entity.metadata.annotations ?? {};
        if (
          annotations[KUBERNETES_ID_LABEL] === undefined &&
          annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION] === undefined
        ) {
          continue;
        }
        const ref = stringifyEntityRef(entity);
        const { matchers, errors } = entityKubernetesMatchers(entity);
        for (const error of errors) logger.warn(`gitops: ${ref}: ${error}`);
        loaded.push({ ref, team: teamOf(entity), matchers });
      }
    }
    // Re-mapping every cached object is the costly part: skip it when
    // nothing that mapping depends on changed.
    const next = JSON.stringify(loaded);
    if (next === signature) return loaded.length;
    signature = next;
    byRef = new Map(loaded.map(entity => [refKey(entity.ref), entity]));
    byKubernetesId = new Map();
    bySelector = [];
    for (const entity of loaded) {
      for (const matcher of entity.matchers) {
        if (matcher.annotation === KUBERNETES_ID_LABEL) {
          const id = matcher.selector.requirements[0]?.values?.[0] ?? '';
          byKubernetesId.set(id, [...(byKubernetesId.get(id) ?? []), entity]);
        } else if (!bySelector.includes(entity)) {
          bySelector.push(entity);
        }
      }
    }
    byTeam = new Map();
    for (const entity of loaded) {
      if (!entity.team) continue;
      const team = refKey(entity.team);
      byTeam.set(team, [...(byTeam.get(team) ?? []), entity.ref]);
    }
    cache.setEntityMapping(index);
    return loaded.length;
  }
  return index;
}
