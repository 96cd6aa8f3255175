import { errors } from '../apiError';
import { ResourceRegistry } from '../store/registry';
import { groupVersion, ResourceType } from '../store/resourceType';

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0-kube-emulator',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T00:00:00Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function resourceEntries(rt: ResourceType): Array<Record<string, unknown>> {
  const verbs =
    rt.plural === 'namespaces'
      ? ALL_VERBS.filter(v => v !== 'deletecollection')
      : ALL_VERBS;
  const main: Record<string, unknown> = {
    name: rt.plural,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs,
  };
  if (rt.shortNames.length) main.shortNames = rt.shortNames;
  if (rt.categories.length) main.categories = rt.categories;
  const entries = [main];
  if (rt.statusSubresource) {
    entries.push({
      name: `${rt.plural}/status`,
      singularName: '',
      namespaced: rt.namespaced,
      kind: rt.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  return entries;
}

function groupEntry(name: string, versions: string[]) {
  const list = versions.map(v => ({
    groupVersion: groupVersion(name, v),
    version: v,
  }));
  return { name, versions: list, preferredVersion: list[0] };
}

/** Answers the discovery documents (`/`, `/api`, `/apis`, `/apis/<g>[/<v>]`, `/version`, health); undefined = not ours. */
export function discoveryDocument(
  segments: string[],
  registry: ResourceRegistry,
  serverAddress: string,
): unknown {
  const [root, a, b, ...rest] = segments;
  if (rest.length > 0) throw errors.unknownPath();
  if (root === undefined) {
    const paths = [
      '/api',
      '/api/v1',
      '/apis',
      '/healthz',
      '/livez',
      '/readyz',
      '/version',
    ];
    for (const g of registry.groups()) {
      paths.push(
        `/apis/${g.name}`,
        ...g.versions.map(v => `/apis/${g.name}/${v}`),
      );
    }
    return { paths: paths.sort() };
  }
  if (root === 'version' && a === undefined) return VERSION_INFO;
  if (root === 'api') {
    if (a === undefined) {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress },
        ],
      };
    }
    if (a === 'v1' && b === undefined) return resourceList('', 'v1', registry);
    throw errors.unknownPath();
  }
  if (root === 'apis') {
    const groups = registry.groups();
    if (a === undefined) {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map(g => groupEntry(g.name, g.versions)),
      };
    }
    const group = groups.find(g => g.name === a);
    if (!group) throw errors.unknownPath();
    if (b === undefined)
      return {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...groupEntry(group.name, group.versions),
      };
    if (group.versions.includes(b)) return resourceList(a, b, registry);
  }
  throw errors.unknownPath();
}

function resourceList(
  group: string,
  version: string,
  registry: ResourceRegistry,
) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources: registry.resourcesIn(group, version).flatMap(resourceEntries),
  };
}
