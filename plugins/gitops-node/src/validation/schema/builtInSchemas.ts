import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadOnFirstUse } from '../../lib/loadOnFirstUse';

/** A JSON schema (draft-07, as ajv takes it). */
export type JsonSchema = Record<string, any>;

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

interface ModelClass {
  attributeTypeMap?: Attribute[];
}

/**
 * client-node's model classes by name. Loaded on the first schema lookup: importing client-node takes over a second,
 * which every importer of this package (each test file, the backend at start) would pay without validating a manifest.
 */
const models = loadOnFirstUse(
  (): Record<string, ModelClass | undefined> =>
    require('@kubernetes/client-node'),
);

/**
 * The API groups Kubernetes serves itself: only these get a built-in schema, so a custom resource whose kind shares
 * a name with a built-in one (a CRD `Lease` in `example.com/v1`) is never checked against the wrong schema.
 */
const BUILT_IN_GROUPS = new Map<string, string>([
  ['', 'Core'],
  ['admissionregistration.k8s.io', 'Admissionregistration'],
  ['apiextensions.k8s.io', 'Apiextensions'],
  ['apiregistration.k8s.io', 'Apiregistration'],
  ['apps', 'Apps'],
  ['authentication.k8s.io', 'Authentication'],
  ['authorization.k8s.io', 'Authorization'],
  ['autoscaling', 'Autoscaling'],
  ['batch', 'Batch'],
  ['certificates.k8s.io', 'Certificates'],
  ['coordination.k8s.io', 'Coordination'],
  ['discovery.k8s.io', 'Discovery'],
  ['events.k8s.io', 'Events'],
  ['flowcontrol.apiserver.k8s.io', 'Flowcontrol'],
  ['internal.apiserver.k8s.io', 'Internal'],
  ['networking.k8s.io', 'Networking'],
  ['node.k8s.io', 'Node'],
  ['policy', 'Policy'],
  ['rbac.authorization.k8s.io', 'Rbac'],
  ['resource.k8s.io', 'Resource'],
  ['scheduling.k8s.io', 'Scheduling'],
  ['storage.k8s.io', 'Storage'],
  ['storagemigration.k8s.io', 'Storagemigration'],
]);

/**
 * client-node's generator turns `resource.Quantity` (a string or a number in the OpenAPI v3 document) into a plain
 * string; these attributes carry quantities, so a number (`cpu: 1`) is accepted there as the API server does.
 */
const QUANTITY_ATTRIBUTES = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V1ResourceQuotaSpec.hard',
  'V1ResourceQuotaStatus.hard',
  'V1ResourceQuotaStatus.used',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.min',
  'V1LimitRangeItem.maxLimitRequestRatio',
  'V1PersistentVolumeSpec.capacity',
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1NodeStatus.capacity',
  'V1NodeStatus.allocatable',
  'V1PodSpec.overhead',
  'V1Overhead.podFixed',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1CSIStorageCapacity.capacity',
  'V1CSIStorageCapacity.maximumVolumeSize',
  'V1ContainerStatus.allocatedResources',
]);

const clientNodeModels = join(
  dirname(require.resolve('@kubernetes/client-node/package.json')),
  'dist/gen/models',
);

/**
 * The required fields of a model: the generator renders the OpenAPI schema's `required` list as non-optional
 * members of the model's declaration (`'containerPort': number;` beside `'hostIP'?: string;`).
 */
function requiredNames(typeName: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(join(clientNodeModels, `${typeName}.d.ts`), 'utf8');
  } catch {
    return new Set();
  }
  return new Set([...text.matchAll(/^\s+'([^']+)':/gm)].map(match => match[1]));
}

const withNull = (type: string | string[]) => ({
  type: [...(Array.isArray(type) ? type : [type]), 'null'],
});

/** One attribute type of client-node (`Array<V1Container>`, `{ [key: string]: string; }`, `IntOrString`…) as a schema. */
function typeSchema(
  type: string,
  format: string,
  quantity: boolean,
  refs: Set<string>,
): JsonSchema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    return {
      ...withNull('array'),
      items: typeSchema(array[1], '', quantity, refs),
    };
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    return {
      ...withNull('object'),
      additionalProperties: typeSchema(map[1], '', quantity, refs),
    };
  }
  switch (type) {
    case 'string':
      return withNull(quantity ? ['string', 'number'] : 'string');
    case 'Date':
      return withNull('string');
    case 'boolean':
      return withNull('boolean');
    case 'number':
      return withNull(format === 'double' ? 'number' : 'integer');
    // x-kubernetes-int-or-string
    case 'IntOrString':
      return withNull(['integer', 'string']);
    // RawExtension, JSON: x-kubernetes-embedded-resource / x-kubernetes-preserve-unknown-fields
    case 'any':
    case 'object':
      return {};
    default:
      if (!models()[type]?.attributeTypeMap) return {};
      refs.add(type);
      return { $ref: `#/definitions/${type}` };
  }
}

/** Each model's schema and the models it references, built once per process (ajv never changes a schema). */
const modelSchemas = new Map<string, { schema: JsonSchema; refs: string[] }>();

function cachedModelSchema(typeName: string) {
  let entry = modelSchemas.get(typeName);
  if (!entry) {
    const refs = new Set<string>();
    entry = { schema: modelSchema(typeName, refs), refs: [...refs] };
    modelSchemas.set(typeName, entry);
  }
  return entry;
}

function modelSchema(typeName: string, refs: Set<string>): JsonSchema {
  const attributes = models()[typeName]!.attributeTypeMap!;
  const required = requiredNames(typeName);
  return {
    ...withNull('object'),
    properties: Object.fromEntries(
      attributes.map(a => [
        a.baseName,
        typeSchema(
          a.type,
          a.format,
          QUANTITY_ATTRIBUTES.has(`${typeName}.${a.name}`),
          refs,
        ),
      ]),
    ),
    required: attributes.filter(a => required.has(a.name)).map(a => a.baseName),
    // kubectl --validate=strict: a field the schema does not name is an error.
    additionalProperties: false,
  };
}

/** The definitions of a model and of every model it reaches, for `#/definitions/<Type>` references. */
export function modelDefinitions(typeName: string): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  const pending = [typeName];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (definitions[next]) continue;
    const { schema, refs } = cachedModelSchema(next);
    definitions[next] = schema;
    pending.push(...refs.filter(ref => !definitions[ref]));
  }
  return definitions;
}

const capitalize = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);

const isTopLevelModel = (name: string) => {
  const names = (models()[name]?.attributeTypeMap ?? []).map(a => a.baseName);
  return names.includes('apiVersion') && names.includes('kind');
};

/**
 * The client-node model of a built-in kind (`apps/v1` `Deployment` → `V1Deployment`; a kind two groups share is
 * prefixed with its group: `EventsV1Event`), or undefined when the group is not built in or the kind unknown.
 */
export function builtInModelName(
  group: string,
  version: string,
  kind: string,
): string | undefined {
  const prefix = BUILT_IN_GROUPS.get(group);
  if (prefix === undefined) return undefined;
  return [
    `${prefix}${capitalize(version)}${kind}`,
    `${capitalize(version)}${kind}`,
  ].find(isTopLevelModel);
}
