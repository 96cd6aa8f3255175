/*
 * The README's Install section, applied to a stock app by scripts/install-test.sh: the fenced blocks right after an
 * `<!-- install-test: <name> -->` marker are what the test applies, so the README and the test cannot drift.
 */

export interface InstallBlock {
  name: string;
  lang: string;
  code: string;
}

/** One `yarn --cwd <dir> add <packages…>` line of the yarn-add block. */
export interface YarnAdd {
  cwd: string;
  packages: string[];
}

const MARKED_BLOCK =
  /<!-- install-test: ([\w-]+) -->\s*\n```(\w*)\n([\s\S]*?)\n```/g;

/** The marked blocks by name; a name used twice is refused. */
export function readInstallBlocks(readme: string): Map<string, InstallBlock> {
  const blocks = new Map<string, InstallBlock>();
  for (const [, name, lang, code] of readme.matchAll(MARKED_BLOCK)) {
    if (blocks.has(name))
      throw new Error(`README: two install-test blocks named ${name}`);
    blocks.set(name, { name, lang, code });
  }
  return blocks;
}

/** The block of that name, or an error naming it. */
export function installBlock(
  blocks: Map<string, InstallBlock>,
  name: string,
): InstallBlock {
  const block = blocks.get(name);
  if (!block) throw new Error(`README: no install-test block named ${name}`);
  return block;
}

const codeLines = (block: InstallBlock) =>
  block.code
    .split('\n')
    .map(line => line.trim())
    .filter(
      line => line !== '' && !line.startsWith('//') && !line.startsWith('#'),
    );

/** The `yarn --cwd <dir> add …` lines of a shell block; any other command is refused. */
export function yarnAdds(block: InstallBlock): YarnAdd[] {
  return codeLines(block).map(line => {
    const match = line.match(/^yarn --cwd (\S+) add ((?:\S+ ?)+)$/);
    if (!match)
      throw new Error(`README ${block.name}: not a yarn add line: ${line}`);
    return { cwd: match[1], packages: match[2].trim().split(' ') };
  });
}

/** The block's `import` statements (possibly spanning lines). */
function importsOf(block: InstallBlock): string[] {
  return [...block.code.matchAll(/^import [\s\S]*?;$/gm)].map(m => m[0]);
}

/** Adds imports after the file's last top-level import. */
function addImports(source: string, imports: string[]): string {
  if (imports.length === 0) return source;
  const lastImport = [...source.matchAll(/^import [\s\S]*?;$/gm)].pop();
  const at = lastImport ? lastImport.index! + lastImport[0].length : 0;
  return `${source.slice(0, at)}\n${imports.join('\n')}${source.slice(at)}`;
}

/**
 * A backend block applied to `packages/backend/src/index.ts`: its imports at the top, its `backend.add(…)`
 * statements before `backend.start()`, and, when `replaces` is given, the statement adding that module removed
 * (the permission policy takes the place of the allow-all policy).
 */
export function applyBackendBlock(
  indexTs: string,
  block: InstallBlock,
  replaces?: string,
): string {
  let source = indexTs;
  if (replaces) {
    const statement = new RegExp(
      `backend\\.add\\(\\s*import\\(\\s*'${replaces.replace(
        /[.*+?^${}()|[\]\\/]/g,
        '\\$&',
      )}'\\s*\\),?\\s*\\);\\n`,
    );
    if (!statement.test(source))
      throw new Error(`backend: no backend.add of ${replaces} to replace`);
    source = source.replace(statement, '');
  }
  const adds = [...block.code.matchAll(/^backend\.add\([\s\S]*?\);$/gm)].map(
    m => m[0],
  );
  if (adds.length === 0)
    throw new Error(`README ${block.name}: no backend.add(…) statement`);
  const start = source.indexOf('backend.start();');
  if (start < 0) throw new Error('backend: no backend.start();');
  source = `${source.slice(0, start)}${adds.join('\n')}\n\n${source.slice(
    start,
  )}`;
  return addImports(source, importsOf(block));
}

/**
 * A new-frontend-system block applied to `packages/app/src/App.tsx`: its imports at the top and the entries of its
 * `features: [ … ]` list (comments aside) added to the app's own list.
 */
export function applyFrontendBlock(
  appTsx: string,
  block: InstallBlock,
): string {
  const list = block.code.match(/features: \[([\s\S]*?)\]/);
  const features = (list?.[1] ?? '')
    .split('\n')
    .map(line =>
      line
        .replace(/\/\/.*$/, '')
        .trim()
        .replace(/,$/, ''),
    )
    .filter(Boolean);
  if (features.length === 0)
    throw new Error(`README ${block.name}: no features: [ … ] entries`);
  if (!appTsx.includes('features: ['))
    throw new Error('app: no features: [ in App.tsx');
  return addImports(
    appTsx.replace('features: [', `features: [${features.join(', ')}, `),
    importsOf(block),
  );
}
