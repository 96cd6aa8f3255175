import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import type { LiveLocation } from '@gitops-portal/plugin-gitops-node';
import { copiedFrom } from './artifactCopies';

/** What the mapping reads besides the Kustomization (objectLocations' LocationContext extends it). */
export interface ArtifactLookup {
  /** Whether the portal reads and writes the repository at `url` (a config repo: a host of integrations.github). */
  isConfigRepo(url: string): boolean;
  /** A cached Flux object of a cluster (ExternalArtifact, ArtifactGenerator, GitRepository), to follow sources. */
  fluxObject?(
    cluster: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<ObjectStatus | undefined>;
}

/** The places found, or why there are none (objectLocations' ObjectLocations). */
interface Found {
  locations: LiveLocation[];
  none?: string;
}

const refName = (namespace: string | undefined, name: string) =>
  `${namespace ? `${namespace}/` : ''}${name}`;

/**
 * A Flux Kustomization reading an ExternalArtifact: its `spec.path` inside the artifact, mapped back to the config
 * repo through the ArtifactGenerator that writes the artifact (its `copy` rules for that artifact, and its sources'
 * aliases: only GitRepository sources of the config repo count). Every object is looked for in the Kustomization's
 * cluster; each missing link is named in `none`.
 */
export async function externalArtifactLocations(
  record: ObjectStatus,
  name: string,
  context: ArtifactLookup,
): Promise<Found> {
  const find = context.fluxObject;
  const ref = record.source?.sourceRef;
  const none = (why: string): Found => ({
    locations: [],
    none: why,
  });
  if (!ref || !find) return none('its ExternalArtifact source is not read');
  const artifactName = refName(ref.namespace ?? record.namespace, ref.name);
  const artifact = await find(
    record.cluster,
    'ExternalArtifact',
    ref.namespace ?? record.namespace,
    ref.name,
  );
  if (!artifact)
    return none(`its source ExternalArtifact ${artifactName} is not cached`);
  const generatorRef = artifact.source?.sourceRef;
  if (generatorRef?.kind !== 'ArtifactGenerator') {
    return none(
      `ExternalArtifact ${artifactName} is not written by an ArtifactGenerator`,
    );
  }
  const generatorNamespace = generatorRef.namespace ?? artifact.namespace;
  const generatorName = refName(generatorNamespace, generatorRef.name);
  const generator = (
    await find(
      record.cluster,
      'ArtifactGenerator',
      generatorNamespace,
      generatorRef.name,
    )
  )?.generator;
  if (!generator) {
    return none(`its ArtifactGenerator ${generatorName} is not cached`);
  }
  const rules = generator.artifacts.find(a => a.name === artifact.name)?.copy;
  if (!rules) {
    return none(
      `ArtifactGenerator ${generatorName} writes no artifact ${artifact.name}`,
    );
  }
  const path = record.source?.path ?? './';
  const locations: LiveLocation[] = [];
  const elsewhere = new Set<string>();
  for (const copied of copiedFrom(rules, path)) {
    const source = generator.sources.find(s => s.alias === copied.alias);
    const gitSource =
      source?.kind === 'GitRepository'
        ? (
            await find(
              record.cluster,
              'GitRepository',
              source.namespace ?? generatorNamespace,
              source.name,
            )
          )?.source
        : undefined;
    const url = gitSource?.repoURL;
    if (url === undefined || !context.isConfigRepo(url)) {
      elsewhere.add(`@${copied.alias}`);
      continue;
    }
    locations.push({
      path: copied.path,
      repoUrl: url,
      revision: gitSource?.targetRevision,
      origin: `${name} spec.path ${path} of ExternalArtifact ${artifactName} (ArtifactGenerator ${generatorName} copies ${copied.rule.from} to ${copied.rule.to})`,
    });
  }
  if (locations.length > 0) return { locations };
  return none(
    elsewhere.size > 0
      ? `ArtifactGenerator ${generatorName} copies ${path} of ${artifactName} from ${[
          ...elsewhere,
        ].join(
          ', ',
        )}, not a GitRepository of a config repo on an integrations.github host (or not cached)`
      : `ArtifactGenerator ${generatorName} copies nothing into ${path} of ${artifactName}`,
  );
}
