import { ManifestObject } from '../types';
import { JsonSchema } from './builtInSchemas';

/** Where a CRD was read: a config-repo file, or `cluster <name>`. */
export interface CrdSource {
  crd: ManifestObject;
  source: string;
}

/** One served version of a custom kind, with its schema ready for ajv. */
export interface CustomKindSchema {
  group: string;
  kind: string;
  version: string;
  schema: JsonSchema;
  /** The CRD's own `openAPIV3Schema` (its `x-kubernetes-validations` rules are evaluated on it). */
  openApi: unknown;
  source: string;
}

export const customKindKey = (group: string, kind: string, version: string) =>
  `${group}/${kind}/${version}`;

const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const STRUCTURAL_KEYWORDS = [
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
  'multipleOf',
] as const;

/**
 * A CRD's `openAPIV3Schema` node as an ajv (draft-07) schema, with the API server's semantics
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema):
 * fields the schema does not name are unknown (they would be pruned: strict validation reports them) unless
 * `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string` takes an integer or a string;
 * `x-kubernetes-embedded-resource` allows `apiVersion`, `kind` and `metadata`; null is accepted where a field is
 * optional (the API server drops it). OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers.
 */
export function crdNodeSchema(node: unknown, metadataRef?: string): JsonSchema {
  if (!isObject(node)) return {};
  const out: JsonSchema = {};
  if (node['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string', 'null'];
  } else if (typeof node.type === 'string') {
    out.type = [node.type, 'null'];
  }
  for (const keyword of STRUCTURAL_KEYWORDS) {
    if (node[keyword] !== undefined) out[keyword] = node[keyword];
  }
  for (const [bound, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[bound] === true && typeof node[limit] === 'number') {
      out[bound] = node[limit];
      delete out[limit];
    }
  }
  if (node.items !== undefined) out.items = crdNodeSchema(node.items);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[combinator])) {
      out[combinator] = node[combinator].map((n: unknown) => crdNodeSchema(n));
    }
  }
  if (node.not !== undefined) out.not = crdNodeSchema(node.not);
  const properties: Record<string, JsonSchema> = {};
  for (const [name, child] of Object.entries(
    isObject(node.properties) ? node.properties : {},
  )) {
    properties[name] = crdNodeSchema(child);
  }
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  if (embedded || metadataRef) {
    properties.apiVersion ??= { type: ['string', 'null'] };
    properties.kind ??= { type: ['string', 'null'] };
    properties.metadata = metadataRef
      ? { $ref: metadataRef }
      : { type: ['object', 'null'] };
  }
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (isObject(node.additionalProperties)) {
    out.additionalProperties = crdNodeSchema(node.additionalProperties);
  } else if (
    node['x-kubernetes-preserve-unknown-fields'] !== true &&
    node.additionalProperties !== true &&
    (node.type === 'object' || out.properties)
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/** Every served version of every CRD (apiextensions.k8s.io/v1), by `group/kind/version`. */
export function customKindSchemas(
  sources: CrdSource[],
  metadataRef: string,
): Map<string, CustomKindSchema> {
  const out = new Map<string, CustomKindSchema>();
  for (const { crd, source } of sources) {
    if (
      crd?.kind !== 'CustomResourceDefinition' ||
      crd.apiVersion !== 'apiextensions.k8s.io/v1'
    ) {
      continue;
    }
    const group = crd.spec?.group;
    const kind = crd.spec?.names?.kind;
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    for (const version of Array.isArray(crd.spec?.versions)
      ? crd.spec.versions
      : []) {
      if (!isObject(version) || version.served === false) continue;
      const openApi = version.schema?.openAPIV3Schema;
      out.set(customKindKey(group, kind, String(version.name)), {
        group,
        kind,
        version: String(version.name),
        source,
        openApi,
        // A version without a schema accepts any object, as the API server does (preserve-unknown-fields).
        schema: isObject(openApi) ? crdNodeSchema(openApi, metadataRef) : {},
      });
    }
  }
  return out;
}
