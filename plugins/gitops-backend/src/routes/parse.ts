import { InputError } from '@backstage/errors';
import {
  entityKindSchema,
  entityNameSchema,
  entityNamespaceSchema,
  serviceNameSchema,
} from '@gitops-portal/plugin-gitops-common';
import { z } from 'zod';

/*
 * Every route parses its path parameters, query and body here, with the shared field schemas of gitops-common,
 * before any lookup or I/O: bad input is a 400 (`InputError`) naming the field.
 */

/** `:kind/:namespace/:name` of an entity route. */
export const entityParamsSchema = z.object({
  kind: entityKindSchema,
  namespace: entityNamespaceSchema,
  name: entityNameSchema,
});

/** `:namespace/:name` of a team route. */
export const teamParamsSchema = z.object({
  namespace: entityNamespaceSchema,
  name: entityNameSchema,
});

/**
 * The service name the config repo knows an entity by (its `backstage.io/kubernetes-id`, else its name): it
 * becomes a path (`apps/<service>/`) and a branch, so an annotation that is no DNS-1123 label is refused.
 */
export const serviceSchema = z.object({ service: serviceNameSchema });

/** Parses request input with a zod schema; every issue goes into one 400 (`InputError`) naming its field. */
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
