import type {
  RunningVersion,
  VersionChange,
} from '@gitops-portal/plugin-gitops-common';
import { imageVersionText } from './runningVersion';

/** Versions by name; several versions of one name (two containers) are joined, in order. */
function byName(
  entries: Array<{ name: string; version?: string }>,
): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const { name, version } of entries) {
    const known = map.get(name);
    map.set(
      name,
      known && version && known !== version
        ? `${known}, ${version}`
        : known ?? version,
    );
  }
  return map;
}

function changes(
  kind: VersionChange['kind'],
  from: Map<string, string | undefined>,
  to: Map<string, string | undefined>,
): VersionChange[] {
  const names = [...new Set([...from.keys(), ...to.keys()])];
  return names.flatMap(name => {
    const a = from.get(name);
    const b = to.get(name);
    if (from.has(name) && to.has(name) && a === b) return [];
    return [
      {
        kind,
        name,
        ...(a !== undefined ? { from: a } : {}),
        ...(b !== undefined ? { to: b } : {}),
      },
    ];
  });
}

/**
 * What differs in what two environments run: each image (by repository name) whose tag or digest differs, or that
 * only one of them runs, then each chart likewise. `from` is the earlier environment of the pipeline.
 */
export function versionChanges(
  from: RunningVersion,
  to: RunningVersion,
): VersionChange[] {
  const images = (version: RunningVersion) =>
    byName(
      version.images.map(image => ({
        name: image.name,
        version: imageVersionText(image),
      })),
    );
  const charts = (version: RunningVersion) =>
    byName(version.charts.map(c => ({ name: c.name, version: c.version })));
  return [
    ...changes('image', images(from), images(to)),
    ...changes('chart', charts(from), charts(to)),
  ];
}
