import type {
  RunningImage,
  PipelineGap,
  RunningVersion,
} from '@gitops-portal/plugin-gitops-common';

/** The last path segment of an image repository: what a person calls the image (`ghcr.io/acme/shop` → `shop`). */
export function imageShortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** A digest shortened for a column (`sha256:0123456789ab`); the full one goes in a title. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':')
    ? digest.split(':', 2)
    : ['', digest];
  return `${algorithm ? `${algorithm}:` : ''}${hex.slice(0, 12)}`;
}

/** An image's version in words: `1.4.0`, `1.4.0 @ sha256:0123456789ab`, or the short digest alone. */
export function imageVersionLabel(image: RunningImage): string {
  const digest = image.digest ? shortDigest(image.digest) : undefined;
  if (image.tag && digest) return `${image.tag} @ ${digest}`;
  return image.tag ?? digest ?? 'no tag';
}

/** Whether anything is known to run: nothing says so for a Helm release without a chart version, say. */
export const knowsVersion = (version: RunningVersion) =>
  version.images.length > 0 || version.charts.length > 0;

/** A one-line summary of a gap for its accessible name and heading. */
export function gapSummary(gap: PipelineGap): string {
  const parts: string[] = [];
  if (gap.versionChanges.length > 0) {
    parts.push(
      `${gap.versionChanges.length} ${
        gap.versionChanges.length === 1 ? 'version differs' : 'versions differ'
      }`,
    );
  }
  const waiting = gap.commitsNotPromoted?.length;
  if (waiting) {
    parts.push(`${waiting} commit${waiting === 1 ? '' : 's'} not promoted`);
  }
  return parts.length > 0 ? parts.join(', ') : 'Same version';
}
