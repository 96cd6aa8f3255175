import type { Xrd, XrdVersion } from '@gitops-portal/plugin-gitops-common';

/** The subset of JSON schema the claim form renders and checks (what XRD parameter schemas use). */
export interface ParameterSchema {
  type?: string;
  description?: string;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, ParameterSchema>;
}

/** What the field produces; the template hands it to `gitops:crossplane:claim` as xrd, version and parameters. */
export interface CrossplaneClaimValue {
  xrd: Xrd;
  version: string;
  parameters: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The claim's `spec.parameters` schema of one XRD version (an empty object schema when it declares none). */
export function parametersSchemaOf(version: XrdVersion): ParameterSchema {
  const spec = (version.schema as ParameterSchema).properties?.spec;
  const parameters = spec?.properties?.parameters;
  return isRecord(parameters)
    ? (parameters as ParameterSchema)
    : { type: 'object' };
}

/**
 * XRDs that offer a claim, narrowed to `kinds` (claim kinds) when given, one per name: every cluster serves its own
 * copy of the same XRD and the first is as good as any.
 */
export function claimableXrds(xrds: Xrd[], kinds?: string[]): Xrd[] {
  const byName = new Map<string, Xrd>();
  for (const xrd of xrds) {
    if (!xrd.claimKind || byName.has(xrd.name)) continue;
    if (kinds?.length && !kinds.includes(xrd.claimKind)) continue;
    byName.set(xrd.name, xrd);
  }
  return [...byName.values()].sort((a, b) =>
    a.claimKind!.localeCompare(b.claimKind!),
  );
}

/** Served versions; the referenceable one (what Crossplane composes with) first. */
export function servedVersions(xrd: Xrd): XrdVersion[] {
  return xrd.versions
    .filter(version => version.served)
    .sort((a, b) => Number(b.referenceable) - Number(a.referenceable));
}

/** The schema's defaults, nested objects included (a required object gets its children's defaults). */
export function defaultsOf(schema: ParameterSchema): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) {
      values[name] = property.default;
    } else if (property.type === 'object' && property.properties) {
      const nested = defaultsOf(property);
      if (Object.keys(nested).length > 0) values[name] = nested;
    }
  }
  return values;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return value === null ? 'null' : typeof value;
}

/** Every problem of `value` against `schema`, each naming its path (`parameters.storageGB`); [] when valid. */
export function parameterProblems(
  value: unknown,
  schema: ParameterSchema,
  path = 'parameters',
): string[] {
  const actual = typeOf(value);
  if (
    schema.type &&
    actual !== schema.type &&
    !(schema.type === 'number' && actual === 'integer')
  ) {
    return [
      `${path} must be a${schema.type === 'integer' ? 'n' : ''} ${schema.type}`,
    ];
  }
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${path} must be one of ${schema.enum.join(', ')}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      problems.push(`${path} must be at least ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      problems.push(`${path} must be at most ${schema.maximum}`);
    }
  }
  if (isRecord(value)) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined || value[key] === '') {
        problems.push(`${path}.${key} is required`);
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema.properties?.[key];
      if (childSchema && child !== undefined) {
        problems.push(
          ...parameterProblems(child, childSchema, `${path}.${key}`),
        );
      }
    }
  }
  return problems;
}

/** Problems of a whole field value: an XRD and a served version must be chosen, and the parameters valid. */
export function claimProblems(
  value: Partial<CrossplaneClaimValue> | undefined,
): string[] {
  if (!value?.xrd?.name || !Array.isArray(value.xrd.versions)) {
    return ['Choose a claim kind'];
  }
  const version = value.xrd.versions.find(v => v.name === value.version);
  if (!version) return ['Choose a version'];
  return parameterProblems(value.parameters ?? {}, parametersSchemaOf(version));
}
