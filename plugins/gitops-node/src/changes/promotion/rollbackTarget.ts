import { ConfigRepoReader } from '../../configRepo/types';
import { assertDns1123Label } from '../safety';
import { findPins } from './forms';
import { parseAllDocuments } from 'yaml';
import { PROMOTION_LAYOUTS, filesUnder, folderOf } from './promotionFiles';

/**
 * What a rollback of one environment reverts, found the way promotions find files: the environment's own
 * folder (the first folder layout with files, e.g. `apps/<service>/overlays/<env>`), else its one file in a
 * shared folder that pins a version (Flux's `apps/<env>/<service>-values.yaml`), else the portal's default
 * `apps/<service>/overlays/<env>` (whose absence the rollback then reports). One tree read.
 */
export async function rollbackTarget(
  reader: ConfigRepoReader,
  ref: string,
  at: { service: string; environment: string },
): Promise<string> {
  const { service, environment } = at;
  assertDns1123Label(service, 'Service name');
  assertDns1123Label(environment, 'Environment name');
  const { entries } = await reader.readTree(ref);
  for (const layout of PROMOTION_LAYOUTS) {
    const folder = folderOf(layout, service, environment);
    const files = filesUnder(entries, folder, layout, service);
    if (files.length === 0) continue;
    if (layout.recursive) return folder.replace(/\/$/, '');
    const pinning = [];
    for (const file of files) {
      const text = await reader.readBlob(file.sha);
      const docs = parseAllDocuments(text);
      const list = Array.isArray(docs) ? docs : [];
      if (
        list.some(
          doc => doc.errors.length === 0 && findPins(doc, file.path).length > 0,
        )
      ) {
        pinning.push(file.path);
      }
    }
    if (pinning.length === 1) return pinning[0];
  }
  return `apps/${service}/overlays/${environment}`;
}
