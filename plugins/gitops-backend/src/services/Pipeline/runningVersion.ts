import type {
  RunningChart,
  RunningImage,
  ObjectStatus,
  RunningVersion,
} from '@gitops-portal/plugin-gitops-common';

type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (isDoc(node) ? node[key] : undefined),
    value,
  );

/**
 * Splits an image reference as the container runtime reads it: `name[:tag][@digest]`, where a `:` before the last
 * `/` belongs to a registry port (`registry:5000/app`), not a tag.
 */
export function parseImageReference(reference: string): RunningImage {
  const [withTag, digest] = reference.split('@', 2);
  const slash = withTag.lastIndexOf('/');
  const colon = withTag.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    name: hasTag ? withTag.slice(0, colon) : withTag,
    ...(hasTag ? { tag: withTag.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** The kinds whose pod template names the images that run (Argo Rollouts' Rollout has the Deployment's shape). */
const POD_TEMPLATE_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

function podTemplateImages(doc: Doc): RunningImage[] {
  const spec = at(doc, 'spec', 'template', 'spec');
  const containers = [
    ...((at(spec, 'initContainers') as unknown[]) ?? []),
    ...((at(spec, 'containers') as unknown[]) ?? []),
  ];
  return containers.flatMap(container => {
    const image = text(at(container, 'image'));
    return image ? [parseImageReference(image)] : [];
  });
}

/**
 * A Flux HelmRelease's chart (`spec.chart.spec`) and the image its values pin, by the common chart convention
 * `values.image.{repository,tag,digest}`.
 */
function helmReleaseVersion(doc: Doc): RunningVersion {
  const chart = text(at(doc, 'spec', 'chart', 'spec', 'chart'));
  const version = text(at(doc, 'spec', 'chart', 'spec', 'version'));
  const image = at(doc, 'spec', 'values', 'image');
  const repository = text(at(image, 'repository'));
  const tag = at(image, 'tag');
  return {
    charts: chart && version ? [{ name: chart, version }] : [],
    images: repository
      ? [
          {
            name: repository,
            ...(tag !== undefined && tag !== '' ? { tag: String(tag) } : {}),
            ...(text(at(image, 'digest'))
              ? { digest: text(at(image, 'digest')) }
              : {}),
          },
        ]
      : [],
  };
}

/**
 * Applies a kustomization's `images:` transformer as kustomize does: an entry matching an image by name sets its
 * new name, tag and digest (a digest replaces the tag).
 */
export function applyKustomizeImages(
  images: RunningImage[],
  kustomization: Doc,
): RunningImage[] {
  const entries = (
    Array.isArray(kustomization.images) ? kustomization.images : []
  ).filter(isDoc);
  return images.map(image => {
    const entry = entries.find(e => text(e.name) === image.name);
    if (!entry) return image;
    const digest = text(entry.digest);
    const newTag =
      entry.newTag === undefined || entry.newTag === null
        ? undefined
        : String(entry.newTag);
    // A digest alone replaces the tag; a new tag alone drops an old digest; both give `name:tag@digest`.
    const tag = newTag ?? (digest ? undefined : image.tag);
    const keptDigest = digest ?? (newTag ? undefined : image.digest);
    return {
      name: text(entry.newName) ?? image.name,
      ...(tag ? { tag } : {}),
      ...(keptDigest ? { digest: keptDigest } : {}),
    };
  });
}

const sameImage = (a: RunningImage, b: RunningImage) =>
  a.name === b.name && a.tag === b.tag && a.digest === b.digest;

function addImages(into: RunningImage[], images: RunningImage[]) {
  for (const image of images) {
    if (!into.some(known => sameImage(known, image))) into.push(image);
  }
}

/**
 * What a set of manifests runs: the images of its workloads (Deployment, StatefulSet, DaemonSet, Argo Rollout) and
 * HelmReleases' charts and image values, after the kustomizations' `images:` transformers, innermost first (a
 * base's, then each overlay's). A transformer whose image no manifest names still says what the overlay pins.
 */
export function versionFromManifests(
  manifests: unknown[],
  kustomizations: Doc[] = [],
): RunningVersion {
  const images: RunningImage[] = [];
  const charts: RunningChart[] = [];
  for (const doc of manifests.filter(isDoc)) {
    const kind = text(doc.kind);
    if (kind && POD_TEMPLATE_KINDS.has(kind))
      addImages(images, podTemplateImages(doc));
    if (kind === 'HelmRelease') {
      const release = helmReleaseVersion(doc);
      addImages(images, release.images);
      charts.push(...release.charts);
    }
  }
  let transformed = images;
  for (const kustomization of kustomizations) {
    transformed = applyKustomizeImages(transformed, kustomization);
  }
  const pinnedOnly = kustomizations
    .flatMap(k => (Array.isArray(k.images) ? k.images : []))
    .filter(isDoc)
    .filter(
      entry =>
        text(entry.name) && !images.some(i => i.name === text(entry.name)),
    )
    .map(
      entry =>
        applyKustomizeImages([{ name: text(entry.name)! }], {
          images: [entry],
        })[0],
    );
  const result: RunningImage[] = [];
  addImages(result, transformed);
  addImages(result, pinnedOnly);
  return { images: result, charts };
}

/**
 * The chart a delivering object says it runs: an Argo CD Application's Helm source (`chart` with the synced
 * revision, else `targetRevision`; every Helm source of a multi-source one) or a Flux HelmRelease (its chart and
 * applied chart version).
 */
export function chartsFromObject(object: ObjectStatus): RunningChart[] {
  const single = object.source
    ? [{ ...object.source, revision: object.revision }]
    : [];
  const sources = object.sources?.length ? object.sources : single;
  return sources.flatMap(source => {
    const version = source.revision ?? source.targetRevision;
    return source.chart && version ? [{ name: source.chart, version }] : [];
  });
}

/** Images and charts merged, without repeats: several targets of one environment usually run the same. */
export function mergeVersions(versions: RunningVersion[]): RunningVersion {
  const images: RunningImage[] = [];
  const charts: RunningChart[] = [];
  for (const version of versions) {
    addImages(images, version.images);
    for (const chart of version.charts) {
      if (
        !charts.some(c => c.name === chart.name && c.version === chart.version)
      )
        charts.push(chart);
    }
  }
  return { images, charts };
}

/** An image as one string: `tag@digest`, the tag or the digest alone. */
export function imageVersionText(image: RunningImage): string | undefined {
  if (image.tag && image.digest) return `${image.tag}@${image.digest}`;
  return image.tag ?? image.digest;
}
