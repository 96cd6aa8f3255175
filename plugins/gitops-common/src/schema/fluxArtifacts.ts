import { z } from 'zod';

/**
 * One `spec.artifacts[].copy[]` rule of a Flux ArtifactGenerator: `@<alias>/<glob>` into `@artifact/<path>`.
 *
 * @public
 */
export const artifactCopySchema = z.object({
  from: z.string(),
  to: z.string(),
});
/**
 * A copy rule of an ArtifactGenerator.
 *
 * @public
 */
export type ArtifactCopy = z.infer<typeof artifactCopySchema>;

/**
 * One source of an ArtifactGenerator (`spec.sources[]`): the alias its copy rules read it by.
 *
 * @public
 */
export const artifactGeneratorSourceSchema = z.object({
  alias: z.string(),
  kind: z.string(),
  name: z.string(),
  /** Absent: the generator's own namespace. */
  namespace: z.string().optional(),
});
/**
 * A source of an ArtifactGenerator.
 *
 * @public
 */
export type ArtifactGeneratorSource = z.infer<
  typeof artifactGeneratorSourceSchema
>;

/**
 * What a Flux ArtifactGenerator (source.extensions.fluxcd.io) builds: the sources it reads and, per ExternalArtifact
 * it writes (same name, the generator's namespace), the copy rules that fill it. Lets the portal map a path inside
 * an ExternalArtifact back to the repository files it was copied from.
 *
 * @public
 */
export const artifactGeneratorSchema = z.object({
  sources: z.array(artifactGeneratorSourceSchema),
  artifacts: z.array(
    z.object({ name: z.string(), copy: z.array(artifactCopySchema) }),
  ),
});
/**
 * What an ArtifactGenerator builds (its sources and copy rules).
 *
 * @public
 */
export type ArtifactGenerator = z.infer<typeof artifactGeneratorSchema>;
