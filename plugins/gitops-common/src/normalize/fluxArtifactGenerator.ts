import { ArtifactCopy, ArtifactGenerator, Source } from '../schema';
import { compact, objectRefOf } from './engineStatus';
import { asArray, asText, at, isRecord } from './raw';

/**
 * The API group of Flux's source-watcher (ArtifactGenerator).
 *
 * @public
 */
export const FLUX_SOURCE_EXTENSIONS_GROUP = 'source.extensions.fluxcd.io';

/** Bounds that keep a generator's record small whatever its spec holds. */
const LIMITS = { sources: 50, artifacts: 100, copies: 100 };

const bounded = (value: unknown, max: number) =>
  (asArray(value) ?? []).slice(0, max).filter(isRecord);

function copiesOf(value: unknown): ArtifactCopy[] {
  return bounded(value, LIMITS.copies).flatMap(rule => {
    const from = asText(rule.from);
    const to = asText(rule.to);
    return from && to ? [{ from, to }] : [];
  });
}

/**
 * An ArtifactGenerator's sources (alias, kind, name, namespace) and its artifacts' copy rules, as its spec names
 * them; entries lacking a required field are left out. Undefined without a spec.
 *
 * @public
 */
export function artifactGeneratorOf(
  spec: unknown,
): ArtifactGenerator | undefined {
  if (!isRecord(spec)) return undefined;
  const sources = bounded(spec.sources, LIMITS.sources).flatMap(source => {
    const alias = asText(source.alias);
    const kind = asText(source.kind);
    const name = asText(source.name);
    if (!alias || !kind || !name) return [];
    return [
      compact({ alias, kind, name, namespace: asText(source.namespace) }),
    ];
  });
  const artifacts = bounded(spec.artifacts, LIMITS.artifacts).flatMap(
    artifact => {
      const name = asText(artifact.name);
      return name ? [{ name, copy: copiesOf(artifact.copy) }] : [];
    },
  );
  return { sources, artifacts };
}

/**
 * An ExternalArtifact's source: the object that writes it (`spec.sourceRef`, an ArtifactGenerator).
 *
 * @public
 */
export function externalArtifactSource(spec: unknown): Source | undefined {
  const sourceRef = objectRefOf(at(spec, 'sourceRef'));
  return sourceRef ? { sourceRef } : undefined;
}
