import { InputError } from '@backstage/errors';
import { z } from 'zod';

const segment = z.string().min(1).max(253);

/** `:kind/:namespace/:name` of an entity route. */
export const entityParamsSchema = z.object({
  kind: segment,
  namespace: segment,
  name: segment,
});

/** `:namespace/:name` of a team route. */
export const teamParamsSchema = z.object({ namespace: segment, name: segment });

/** Parses request input with a zod schema; every issue goes into one 400 (`InputError`). */
export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.') || 'request'}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}
