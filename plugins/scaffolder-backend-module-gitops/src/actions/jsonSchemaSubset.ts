/**
 * A small JSON-schema checker for Crossplane claim parameters: `type`,
 * `required`, `enum`, `minimum`/`maximum`, `properties`, `items` and
 * `additionalProperties: false`. Other keywords (patterns, formats, oneOf…)
 * are ignored; the API server checks them when the claim is applied.
 */
export type JsonSchema = {
  type?: string;
  required?: string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Every problem of `value` against `schema`, each naming its path (`parameters.size`). */
export function checkJsonSchema(
  value: unknown,
  schema: JsonSchema,
  path: string,
): string[] {
  if (schema.type && !matchesType(value, schema.type)) {
    return [`${path} must be of type ${schema.type}, not ${typeOf(value)}`];
  }
  const problems: string[] = [];
  if (schema.enum && !schema.enum.some(option => option === value)) {
    problems.push(
      `${path} must be one of ${schema.enum.map(String).join(', ')}`,
    );
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      problems.push(`${path} must be at least ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      problems.push(`${path} must be at most ${schema.maximum}`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      problems.push(...checkJsonSchema(item, schema.items!, `${path}[${i}]`)),
    );
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (object[key] === undefined)
        problems.push(`${path}.${key} is required`);
    }
    for (const [key, child] of Object.entries(object)) {
      const childSchema = schema.properties?.[key];
      if (childSchema) {
        problems.push(...checkJsonSchema(child, childSchema, `${path}.${key}`));
      } else if (schema.additionalProperties === false) {
        problems.push(`${path}.${key} is not a known parameter`);
      } else if (typeof schema.additionalProperties === 'object') {
        problems.push(
          ...checkJsonSchema(
            child,
            schema.additionalProperties,
            `${path}.${key}`,
          ),
        );
      }
    }
  }
  return problems;
}
