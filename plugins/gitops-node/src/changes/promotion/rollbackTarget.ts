import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { ConfigRepoReader, ConfigRepoTreeEntry } from '../../configRepo/types';
import { assertDns1123Label } from '../safety';
import { findPins } from './forms';
import { LiveFiles, liveSide } from './liveFiles';
import {
  cannotTell,
  filesUnder,
  folderOf,
  PROMOTION_LAYOUTS,
  PromotionLayout,
} from './promotionFiles';

/**
 * What a rollback reverts: a folder (without the trailing `/`) or one file, and where that came from.
 *
 * @public
 */
export interface RollbackTarget {
  path: string;
  origin: string;
}

/** The one file of `files` that pins a version, if exactly one does. */
async function onePinning(
  reader: ConfigRepoReader,
  files: ConfigRepoTreeEntry[],
): Promise<string | undefined> {
  const pinning = [];
  for (const file of files) {
    const docs = parseAllDocuments(await reader.readBlob(file.sha));
    const list = Array.isArray(docs) ? docs : [];
    if (
      list.some(
        doc => doc.errors.length === 0 && findPins(doc, file.path).length > 0,
      )
    ) {
      pinning.push(file.path);
    }
  }
  return pinning.length === 1 ? pinning[0] : undefined;
}

/**
 * What a rollback of one environment reverts, found the way promotions find files: the folder the live objects
 * deploy (or their one file that pins a version), else the first path template or layout with files (a folder
 * layout's folder, e.g. `apps/<service>/overlays/<env>`; a shared folder's one file that pins a version, like
 * Flux's `apps/<env>/<service>-values.yaml`). One tree read. Throws InputError naming the service, the environment
 * and everything looked at when none says.
 *
 * @public
 */
export async function rollbackTarget(
  reader: ConfigRepoReader,
  ref: string,
  at: {
    service: string;
    environment: string;
    live?: LiveFiles;
    templates?: PromotionLayout[];
  },
): Promise<RollbackTarget> {
  const { service, environment } = at;
  assertDns1123Label(service, 'Service name');
  assertDns1123Label(environment, 'Environment name');
  const { entries } = await reader.readTree(ref);
  const live = liveSide(entries, at.live);
  if (live?.side) {
    const { root, origin } = live.side;
    if (root) return { path: root.replace(/\/$/, ''), origin };
    const files = live.side.entries;
    const file =
      files.length === 1 ? files[0].path : await onePinning(reader, files);
    if (file) return { path: file, origin };
    throw new InputError(
      `Cannot tell which file of ${service} to roll back in ${environment}: the live objects name ${files
        .map(f => f.path)
        .join(', ')} (${origin}), and not exactly one of them pins a version`,
    );
  }
  const templates = at.templates ?? [];
  for (const layout of [...templates, ...PROMOTION_LAYOUTS]) {
    const place = folderOf(layout, service, environment);
    const files = filesUnder(entries, place, layout, service);
    if (files.length === 0) continue;
    const what = templates.includes(layout) ? 'path template' : 'layout';
    const origin = `from ${what} ${layout.folder ?? layout.file} (${place})`;
    if (layout.file !== undefined) return { path: place, origin };
    if (layout.recursive) return { path: place.replace(/\/$/, ''), origin };
    const file = await onePinning(reader, files);
    if (file) return { path: file, origin };
  }
  throw cannotTell(
    service,
    [environment],
    { [environment]: [...(at.live?.lookedAt ?? []), ...(live?.looked ?? [])] },
    templates,
  );
}
