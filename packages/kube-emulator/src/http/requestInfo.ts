import { URL } from 'node:url';
import { FaultVerb } from '../types';

export type ResourceVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection';

export interface ResourceRequest {
  type: 'resource';
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  verb: ResourceVerb;
  query: URLSearchParams;
}

export interface DiscoveryRequest {
  type: 'discovery';
  /** Path segments after the leading slash, e.g. ['apis', 'apps', 'v1']. */
  segments: string[];
  /** Paths the real server serves without authentication (health and version). */
  anonymous: boolean;
}

export type RequestInfo =
  | ResourceRequest
  | DiscoveryRequest
  | { type: 'unknown' };

/** Whether a plural is a namespaced resource in a group/version; disambiguates `namespaces/<x>/...` paths. */
export type IsNamespaced = (
  group: string,
  version: string,
  plural: string,
) => boolean;

const ANONYMOUS = ['healthz', 'livez', 'readyz', 'version'];

function verbOf(
  method: string,
  hasName: boolean,
  watch: boolean,
): ResourceVerb | undefined {
  switch (method) {
    case 'GET':
      if (watch) return 'watch';
      return hasName ? 'get' : 'list';
    case 'POST':
      return hasName ? undefined : 'create';
    case 'PUT':
      return hasName ? 'update' : undefined;
    case 'PATCH':
      return hasName ? 'patch' : undefined;
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** Parses a request line the way kube-apiserver's RequestInfoFactory does, for the paths we serve. */
export function parseRequest(
  method: string,
  rawUrl: string,
  isNamespaced: IsNamespaced,
): RequestInfo {
  const url = new URL(rawUrl, 'http://emulator');
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { type: 'unknown' };
  }
  const query = url.searchParams;
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else if (
    segments.length === 0 ||
    ['api', 'apis'].includes(segments[0]) ||
    ANONYMOUS.includes(segments[0])
  ) {
    return {
      type: 'discovery',
      segments,
      anonymous: ANONYMOUS.includes(segments[0]),
    };
  } else {
    return { type: 'unknown' };
  }
  let watch = query.get('watch') === 'true' || query.get('watch') === '1';
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    isNamespaced(group, version, rest[2])
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  if (!plural || extra.length > 0) return { type: 'unknown' };
  const verb = verbOf(method, name !== undefined, watch && method === 'GET');
  if (!verb) return { type: 'unknown' };
  return {
    type: 'resource',
    group,
    version,
    plural,
    namespace,
    name,
    subresource,
    verb,
    query,
  };
}

export function faultVerb(info: RequestInfo): FaultVerb | undefined {
  if (info.type === 'discovery') return 'discovery';
  if (info.type !== 'resource') return undefined;
  return info.verb === 'deletecollection' ? 'delete' : info.verb;
}
