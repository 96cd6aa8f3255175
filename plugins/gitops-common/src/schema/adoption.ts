import { z } from 'zod';
import {
  dns1123SubdomainSchema,
  namespaceNameSchema,
  singleLineSchema,
} from './fields';

/**
 * The workload kinds one of which an adoption may name (what it references comes along).
 *
 * @public
 */
export const adoptionWorkloadKindSchema = z.enum([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
]);

/**
 * GET /adoption query: a namespace of a configured cluster, or one workload (`kind` and `name`) in it.
 *
 * @public
 */
export const adoptionQuerySchema = z
  .object({
    cluster: singleLineSchema(253).min(1, 'must not be empty'),
    namespace: namespaceNameSchema,
    kind: adoptionWorkloadKindSchema.optional(),
    name: dns1123SubdomainSchema.optional(),
  })
  .refine(query => (query.kind === undefined) === (query.name === undefined), {
    message:
      'kind and name are given together (one workload) or not at all (the namespace)',
    path: ['name'],
  });

/**
 * The GET /adoption query.
 *
 * @public
 */
export type AdoptionQuery = z.infer<typeof adoptionQuerySchema>;

/**
 * A live object adoption did not take, and why.
 *
 * @public
 */
export interface AdoptionLeftOut {
  kind: string;
  name: string;
  reason: string;
}

/**
 * GET /adoption answer: the clean manifests of the namespace's (or the workload's) unmanaged objects, the objects
 * refused (Secrets: the add-secret golden path) and the ones skipped (made by a controller, managed already).
 *
 * @public
 */
export interface AdoptionResponse {
  cluster: string;
  namespace: string;
  manifests: Array<Record<string, unknown>>;
  refused: AdoptionLeftOut[];
  skipped: AdoptionLeftOut[];
}
