import { z } from 'zod';
import { pipelineResponseSchema } from './pipeline';
import { entityStatusResponseSchema } from './responses';

/**
 * GET what an entity's GitOps tab shows on its first screen, in one answer: the entity's status (its objects and
 * their clusters) and its promotion pipeline, each exactly as its own route answers it.
 *
 * @public
 */
export const entityTabResponseSchema = z.object({
  status: entityStatusResponseSchema,
  pipeline: pipelineResponseSchema,
});
/**
 * The answer of GET the first screen of an entity's GitOps tab: its status and its promotion pipeline.
 *
 * @public
 */
export type EntityTabResponse = z.infer<typeof entityTabResponseSchema>;
