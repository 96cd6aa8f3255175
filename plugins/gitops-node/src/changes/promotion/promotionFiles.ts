import { InputError } from '@backstage/errors';
import { ConfigRepoReader, ConfigRepoTreeEntry } from '../../configRepo/types';
import { assertSafeRepoPath } from '../safety';
import { EnvironmentFiles } from './planPromotion';

/**
 * Where estates keep one environment's version of a service, tried in order. `{service}` and `{env}` are
 * replaced; `recursive` takes the folder's subfolders too, `named` only the files whose name starts with the
 * service (a folder shared by several services, like Flux's `apps/<env>/` or `clusters/<env>/`).
 */
export const PROMOTION_LAYOUTS: ReadonlyArray<{
  folder: string;
  recursive?: boolean;
  named?: boolean;
}> = [
  { folder: 'apps/{service}/overlays/{env}/', recursive: true },
  { folder: 'apps/{service}/envs/{env}/', recursive: true },
  { folder: 'apps/{service}/{env}/', recursive: true },
  { folder: '{env}/{service}/', recursive: true },
  { folder: 'environments/{env}/{service}/', recursive: true },
  { folder: 'apps/{env}/', named: true },
  { folder: 'clusters/{env}/', named: true },
  { folder: 'clusters/{env}/apps/', named: true },
];

const YAML_FILE = /\.ya?ml$/;

/** A layout's folder for one service and environment. */
export const folderOf = (
  layout: (typeof PROMOTION_LAYOUTS)[number],
  service: string,
  environment: string,
) => layout.folder.replace('{service}', service).replace('{env}', environment);

/** The YAML files of one environment under a layout's folder. */
export function filesUnder(
  entries: ConfigRepoTreeEntry[],
  folder: string,
  layout: (typeof PROMOTION_LAYOUTS)[number],
  service: string,
): ConfigRepoTreeEntry[] {
  return entries.filter(entry => {
    if (entry.type !== 'blob' || !entry.path.startsWith(folder)) return false;
    if (!YAML_FILE.test(entry.path)) return false;
    const rest = entry.path.slice(folder.length);
    if (!layout.recursive && rest.includes('/')) return false;
    return (
      !layout.named ||
      rest === service ||
      rest.startsWith(`${service}.`) ||
      rest.startsWith(`${service}-`)
    );
  });
}

export interface PromotionFilesOptions {
  service: string;
  from: string;
  to: string;
  /** The files of each environment when the caller knows them (e.g. from live Applications); skips the layouts. */
  files?: { from: string[]; to: string[] };
}

async function readAll(
  reader: ConfigRepoReader,
  ref: string,
  paths: string[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of paths) {
    assertSafeRepoPath(path);
    const text = await reader.readFile(path, ref);
    if (text === undefined) {
      throw new InputError(`${path} does not exist on ${ref}`);
    }
    files[path] = text;
  }
  return files;
}

/** Every candidate pair of file sets, in layout order, and the folders looked under. */
export interface PromotionFileSets {
  candidates: Array<{ from: EnvironmentFiles; to: EnvironmentFiles }>;
  lookedAt: string[];
}

/**
 * The files that may pin a service's version in two environments: the caller's, or those of every layout of
 * {@link PROMOTION_LAYOUTS} where both environments have files (one tree read, blobs read once each).
 */
export async function promotionFiles(
  reader: ConfigRepoReader,
  ref: string,
  options: PromotionFilesOptions,
): Promise<PromotionFileSets> {
  const { service, from, to } = options;
  if (options.files) {
    const fromFiles = await readAll(reader, ref, options.files.from);
    const toFiles = await readAll(reader, ref, options.files.to);
    return {
      candidates: [
        {
          from: { environment: from, files: fromFiles },
          to: { environment: to, files: toFiles },
        },
      ],
      lookedAt: [...options.files.from, ...options.files.to],
    };
  }
  const { entries } = await reader.readTree(ref);
  const read = async (list: ConfigRepoTreeEntry[]) =>
    Object.fromEntries(
      await Promise.all(
        list.map(async e => [e.path, await reader.readBlob(e.sha)] as const),
      ),
    );
  const result: PromotionFileSets = { candidates: [], lookedAt: [] };
  for (const layout of PROMOTION_LAYOUTS) {
    const fromFolder = folderOf(layout, service, from);
    const toFolder = folderOf(layout, service, to);
    result.lookedAt.push(fromFolder);
    const fromEntries = filesUnder(entries, fromFolder, layout, service);
    if (fromEntries.length === 0) continue;
    result.lookedAt.push(toFolder);
    const toEntries = filesUnder(entries, toFolder, layout, service);
    if (toEntries.length === 0) continue;
    result.candidates.push({
      from: {
        environment: from,
        root: fromFolder,
        files: await read(fromEntries),
      },
      to: { environment: to, root: toFolder, files: await read(toEntries) },
    });
  }
  return result;
}
