import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ARGOCD_APPLICATION_KIND,
  ARGOCD_DEFAULT_INSTANCE_LABEL,
  ENTITY_MAPPING_ANNOTATIONS,
  entityKubernetesMatchers,
  KubernetesObjectMatcher,
  managerKeysOf,
  objectMatchesEntity,
} from '@gitops-portal/plugin-gitops-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ObjectCache } from '../ObjectCache';
import { SelectorIndex } from './selectorIndex';
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

function push<T>(index: Map<string, T[]>, key: string, value: T) {
  const list = index.get(key);
  if (!list) index.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function createEntityIndex(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  cache: ObjectCache;
  /** Root config: `gitops.argoCd.instanceLabelKey`. */
  config?: Config;
}): EntityIndex {
  const { catalog, auth, logger, cache } = options;
  const instanceLabelKey =
    options.config?.getOptionalString('gitops.argoCd.instanceLabelKey') ??
    ARGOCD_DEFAULT_INSTANCE_LABEL;
  let byRef = new Map<string, IndexedEntity>();
  let byTeam = new Map<string, string[]>();
  // Entities are looked up by the object's labels (kubernetes-id, selectors) and, for Applications, name: no
  // object is tried against every entity (see SelectorIndex).
  let bySelector = new SelectorIndex<IndexedEntity>();
  let byAppSelector = new SelectorIndex<IndexedEntity>();
  let byAppName = new Map<string, IndexedEntity[]>();
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
      const candidates = new Set<IndexedEntity>();
      bySelector.candidates(object.labels, candidates);
      if (object.kind === ARGOCD_APPLICATION_KIND) {
        for (const entity of byAppName.get(object.name ?? '') ?? []) {
          candidates.add(entity);
        }
        byAppSelector.candidates(object.labels, candidates);
      }
      const refs: string[] = [];
      for (const entity of candidates) {
        if (objectMatchesEntity(object, entity.matchers)) refs.push(entity.ref);
      }
      return refs;
    },
    managersOf: object => managerKeysOf(object, instanceLabelKey),
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
          ENTITY_MAPPING_ANNOTATIONS.every(a => annotations[a] === undefined)
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
    bySelector = new SelectorIndex();
    byAppSelector = new SelectorIndex();
    byAppName = new Map();
    for (const entity of loaded) {
      for (const matcher of entity.matchers) {
        if (matcher.names) {
          for (const name of matcher.names) push(byAppName, name, entity);
        } else if (matcher.kind === ARGOCD_APPLICATION_KIND) {
          byAppSelector.add(matcher.selector, entity);
        } else {
          bySelector.add(matcher.selector, entity);
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
