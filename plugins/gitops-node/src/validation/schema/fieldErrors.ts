import type { ErrorObject } from 'ajv';

/** `/spec/template/spec/containers/0/ports` → `spec.template.spec.containers[0].ports`, as kubectl names fields. */
export function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce(
    (path, part) =>
      /^\d+$/.test(part)
        ? `${path}[${part}]`
        : `${path}${path ? '.' : ''}${part}`,
    '',
  );
}

const typeNames = (type: unknown) =>
  (Array.isArray(type) ? type : [type]).filter(t => t !== 'null').join(' or ');

/** One ajv error as `<field path>: <problem>`; errors inside a failed anyOf/oneOf branch are left to their parent. */
export function describeFieldError(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `${fieldPath(
        error.instancePath,
        error.params.additionalProperty,
      )}: unknown field`;
    case 'required':
      return `${fieldPath(
        error.instancePath,
        error.params.missingProperty,
      )}: required field missing`;
    case 'type':
      return `${fieldPath(error.instancePath) || '(root)'}: must be ${typeNames(
        error.params.type,
      )}`;
    default:
      return `${fieldPath(error.instancePath) || '(root)'}: ${error.message}`;
  }
}

/** Distinct messages, branch errors of a combinator dropped when the combinator itself failed at the same place. */
export function describeFieldErrors(errors: ErrorObject[]): string[] {
  const combinators = new Set(
    errors
      .filter(e => ['anyOf', 'oneOf'].includes(e.keyword))
      .map(e => e.schemaPath),
  );
  const kept = errors.filter(
    e =>
      ![...combinators].some(
        path => e.schemaPath !== path && e.schemaPath.startsWith(`${path}/`),
      ),
  );
  return [...new Set(kept.map(describeFieldError))];
}
