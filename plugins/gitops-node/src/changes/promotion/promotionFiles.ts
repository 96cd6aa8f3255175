import { InputError } from '@backstage/errors';
import { ConfigRepoReader, ConfigRepoTreeEntry } from '../../configRepo/types';
import { readBlobs } from '../baseSnapshot';
import { assertSafeRepoPath } from '../safety';
import { FoundSide, liveSide, LiveFiles } from './liveFiles';
import { EnvironmentFiles } from './planPromotion';

/**
 * One way an estate lays out one environment's files of a service: a `folder` (ending in `/`) or one `file`,
 * with `{service}` and `{env}` replaced. `recursive` takes the folder's subfolders too, `named` only the files
 * whose name starts with the service (a folder shared by several services, like Flux's `apps/<env>/`).
 *
 * @public
 */
export interface PromotionLayout {
  folder?: string;
  file?: string;
  recursive?: boolean;
  named?: boolean;
}

/**
 * Where estates keep one environment's version of a service, tried in order after what live objects say.
 *
 * @alpha
 */
export const PROMOTION_LAYOUTS: ReadonlyArray<
  PromotionLayout & { folder: string }
> = [
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

/** A layout's folder (or file) for one service and environment. */
export const folderOf = (
  layout: PromotionLayout,
  service: string,
  environment: string,
) =>
  (layout.folder ?? layout.file ?? '')
    .replace(/\{service\}/g, service)
    .replace(/\{env\}/g, environment);

/** The YAML files of one environment under a layout's folder (or its one file). */
export function filesUnder(
  entries: ConfigRepoTreeEntry[],
  folder: string,
  layout: PromotionLayout,
  service: string,
): ConfigRepoTreeEntry[] {
  if (layout.file !== undefined) {
    return entries.filter(e => e.type === 'blob' && e.path === folder);
  }
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
  /** The files of each environment when the caller knows them exactly; skips every other way of finding them. */
  files?: { from: string[]; to: string[] };
  /** What the live objects deploying the service say of each environment's files (first choice). */
  live?: { from?: LiveFiles; to?: LiveFiles };
  /** The config repo's own layouts (`gitops.configRepo.pathTemplate`), tried before {@link PROMOTION_LAYOUTS}. */
  templates?: PromotionLayout[];
  /**
   * Where `from`'s files are read when its live objects deploy it from another config repo than the one the change
   * is written to (`reader` and `ref`); absent: both environments' files are in the written repo.
   */
  fromRepo?: { reader: ConfigRepoReader; ref: string };
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

/** Every candidate pair of file sets, in order of preference, and the folders and files looked under. */
export interface PromotionFileSets {
  candidates: Array<{ from: EnvironmentFiles; to: EnvironmentFiles }>;
  lookedAt: string[];
}

/** The files `layout` gives one environment. */
function layoutSide(
  entries: ConfigRepoTreeEntry[],
  layout: PromotionLayout,
  service: string,
  environment: string,
  templates: PromotionLayout[],
): FoundSide {
  const place = folderOf(layout, service, environment);
  const what = templates.includes(layout) ? 'path template' : 'layout';
  return {
    entries: filesUnder(entries, place, layout, service),
    root: layout.folder !== undefined ? place : undefined,
    origin: `from ${what} ${layout.folder ?? layout.file} (${place})`,
  };
}

/**
 * The InputError for environments whose files no way finds, naming the service, the environments, what their live
 * objects said (`live`, by environment) and the templates and layouts tried.
 */
export function cannotTell(
  service: string,
  environments: string[],
  live: Record<string, string[]>,
  templates: PromotionLayout[],
): InputError {
  const objects = environments.map(
    env => `live objects in ${env}: ${live[env]?.join('; ') || 'none found'}`,
  );
  const tried = (list: ReadonlyArray<PromotionLayout>) =>
    list.map(l => l.folder ?? l.file).join(', ') || 'none configured';
  return new InputError(
    `Cannot tell which files of ${service} to edit in ${environments.join(
      ' and ',
    )}: ${objects.join('; ')}; path templates tried: ${tried(
      templates,
    )}; layouts tried: ${tried(PROMOTION_LAYOUTS)}`,
  );
}

/**
 * The files that may pin a service's version in two environments, in order of preference: the caller's; else for
 * each environment what its live objects say, else each path template of the config repo, else each of
 * {@link PROMOTION_LAYOUTS} (a candidate for each way both environments have files; one tree read per repo, blobs
 * read once each). `from`'s files come from `options.fromRepo` when given, `to`'s from `reader` at `ref`. Throws
 * InputError naming the service, the environments and everything looked at when no way gives both environments
 * files.
 */
export async function promotionFiles(
  reader: ConfigRepoReader,
  ref: string,
  options: PromotionFilesOptions,
): Promise<PromotionFileSets> {
  const { service, from, to } = options;
  const fromRepo = options.fromRepo ?? { reader, ref };
  if (options.files) {
    const fromFiles = await readAll(
      fromRepo.reader,
      fromRepo.ref,
      options.files.from,
    );
    const toFiles = await readAll(reader, ref, options.files.to);
    return {
      candidates: [
        {
          from: {
            environment: from,
            files: fromFiles,
            origin: "from the caller's files",
          },
          to: {
            environment: to,
            files: toFiles,
            origin: "from the caller's files",
          },
        },
      ],
      lookedAt: [...options.files.from, ...options.files.to],
    };
  }
  const { entries } = await reader.readTree(ref);
  const fromEntries =
    fromRepo.reader === reader
      ? entries
      : (await fromRepo.reader.readTree(fromRepo.ref)).entries;
  // Blob shas are content hashes: one text per sha whichever repo it is read from.
  const blobs = new Map<string, Promise<string>>();
  const read = async (
    side: FoundSide,
    environment: string,
    repo: ConfigRepoReader,
  ) => ({
    environment,
    root: side.root,
    origin: side.origin,
    ...(side.keys ? { keys: side.keys } : {}),
    files: await readBlobs(sha => {
      if (!blobs.has(sha)) blobs.set(sha, repo.readBlob(sha));
      return blobs.get(sha)!;
    }, side.entries),
  });
  const templates = options.templates ?? [];
  const liveFrom = liveSide(fromEntries, options.live?.from);
  const liveTo = liveSide(entries, options.live?.to);
  const result: PromotionFileSets = {
    candidates: [],
    lookedAt: [...(liveFrom?.looked ?? []), ...(liveTo?.looked ?? [])],
  };
  const pairs: Array<[FoundSide, FoundSide]> = [];
  const found = { from: !!liveFrom?.side, to: !!liveTo?.side };
  if (liveFrom?.side && liveTo?.side) pairs.push([liveFrom.side, liveTo.side]);
  else {
    const side = (
      layout: PromotionLayout,
      environment: string,
      tree: ConfigRepoTreeEntry[],
    ) => {
      result.lookedAt.push(folderOf(layout, service, environment));
      return layoutSide(tree, layout, service, environment, templates);
    };
    for (const layout of [...templates, ...PROMOTION_LAYOUTS]) {
      const fromSide = liveFrom?.side ?? side(layout, from, fromEntries);
      const toSide = liveTo?.side ?? side(layout, to, entries);
      found.from ||= fromSide.entries.length > 0;
      found.to ||= toSide.entries.length > 0;
      if (fromSide.entries.length > 0 && toSide.entries.length > 0) {
        pairs.push([fromSide, toSide]);
      }
    }
  }
  if (pairs.length === 0) {
    const missing = [found.from ? [] : [from], found.to ? [] : [to]].flat();
    const live = {
      [from]: [
        ...(options.live?.from?.lookedAt ?? []),
        ...(liveFrom?.looked ?? []),
      ],
      [to]: [...(options.live?.to?.lookedAt ?? []), ...(liveTo?.looked ?? [])],
    };
    throw cannotTell(
      service,
      missing.length > 0 ? missing : [from, to],
      live,
      templates,
    );
  }
  for (const [fromSide, toSide] of pairs) {
    result.candidates.push({
      from: await read(fromSide, from, fromRepo.reader),
      to: await read(toSide, to, reader),
    });
  }
  return result;
}
