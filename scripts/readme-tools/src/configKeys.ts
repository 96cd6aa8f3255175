/*
 * The README's table of config keys, read from the published packages' config.d.ts files with the TypeScript
 * compiler API, so the table cannot drift from the schemas Backstage validates the config against.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import prettier from 'prettier';
import ts from 'typescript';

export interface ConfigKey {
  /** Dotted path; `[]` marks an array's items, `<name>` a map's values. */
  path: string;
  type: string;
  /** `frontend`, `backend` (the default) or `secret`, from `@visibility`. */
  visibility: string;
  description: string;
  packageName: string;
}

/** The packages with a `configSchema`, in README order. */
export const CONFIG_PACKAGES = [
  'plugins/gitops-backend',
  'plugins/gitops-node',
] as const;

export const TABLE_START = '<!-- config-keys:start -->';
export const TABLE_END = '<!-- config-keys:end -->';

/**
 * The description and `@visibility` of a member's last JSDoc block. Read from the raw text rather than the parsed
 * comment: TSDoc would take a package name such as `@backstage/plugin-notifications-backend` for a tag.
 */
function docOf(node: ts.Node): { description: string; visibility: string } {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const lines = (docs[docs.length - 1]?.getText() ?? '')
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map(line => line.replace(/^\s*\*\s?/, '').trim());
  const visibility = lines
    .find(line => line.startsWith('@visibility'))
    ?.replace('@visibility', '')
    .trim();
  return {
    description: lines
      .filter(line => !line.startsWith('@visibility'))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    visibility: visibility || 'backend',
  };
}

/** The element type of `Array<T>` or `T[]`, else undefined. */
function arrayElement(type: ts.TypeNode): ts.TypeNode | undefined {
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (
    ts.isTypeReferenceNode(type) &&
    type.typeName.getText() === 'Array' &&
    type.typeArguments?.length === 1
  ) {
    return type.typeArguments[0];
  }
  return undefined;
}

function typeText(type: ts.TypeNode): string {
  const element = arrayElement(type);
  if (element) {
    return ts.isTypeLiteralNode(element)
      ? 'object[]'
      : `${typeText(element)}[]`;
  }
  if (ts.isTypeLiteralNode(type)) return 'object';
  return type.getText().replace(/\s+/g, ' ');
}

function collect(
  members: ts.NodeArray<ts.TypeElement>,
  prefix: string,
  packageName: string,
  out: ConfigKey[],
) {
  for (const member of members) {
    let segment: string;
    let type: ts.TypeNode | undefined;
    if (ts.isPropertySignature(member) && member.type) {
      segment = member.name.getText();
      type = member.type;
    } else if (ts.isIndexSignatureDeclaration(member)) {
      segment = `<${member.parameters[0].name.getText()}>`;
      type = member.type;
    } else {
      continue;
    }
    const path = prefix ? `${prefix}.${segment}` : segment;
    out.push({ path, type: typeText(type), packageName, ...docOf(member) });
    const element = arrayElement(type);
    if (ts.isTypeLiteralNode(type)) {
      collect(type.members, path, packageName, out);
    } else if (element && ts.isTypeLiteralNode(element)) {
      collect(element.members, `${path}[]`, packageName, out);
    }
  }
}

/** Every key one `config.d.ts` declares under its `interface Config`, in declaration order. */
export function readConfigKeys(
  source: string,
  packageName: string,
): ConfigKey[] {
  const file = ts.createSourceFile(
    'config.d.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
  );
  const config = file.statements.find(
    (s): s is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(s) && s.name.text === 'Config',
  );
  if (!config) throw new Error(`${packageName}: no interface Config`);
  const out: ConfigKey[] = [];
  collect(config.members, '', packageName, out);
  return out;
}

/** The keys of every package in {@link CONFIG_PACKAGES}; a key declared by several packages is listed once each. */
export function readRepoConfigKeys(root: string): ConfigKey[] {
  return CONFIG_PACKAGES.flatMap(dir => {
    const pkg = JSON.parse(
      readFileSync(resolve(root, dir, 'package.json'), 'utf8'),
    );
    const source = readFileSync(resolve(root, dir, pkg.configSchema), 'utf8');
    return readConfigKeys(source, pkg.name);
  }).filter(
    // Parent objects both packages declare (`gitops`) are the same key: keep the documented one.
    (key, i, all) =>
      !(
        ['object', 'object[]'].includes(key.type) &&
        all.some(
          (other, j) =>
            j !== i &&
            other.path === key.path &&
            (other.description.length > key.description.length ||
              (other.description.length === key.description.length && j < i)),
        )
      ),
  );
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table (unaligned; the generator formats it with Prettier). */
export function renderConfigKeysTable(keys: ConfigKey[]): string {
  return [
    '| Key | Type | Visibility | Package | Description |',
    '| --- | --- | --- | --- | --- |',
    ...keys.map(
      k =>
        `| \`${k.path}\` | \`${cell(k.type)}\` | ${k.visibility} | \`${
          k.packageName
        }\` | ${cell(k.description)} |`,
    ),
  ].join('\n');
}

/** The README with the generated table between the markers. */
export function replaceConfigKeysTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`README has no ${TABLE_START} … ${TABLE_END} block`);
  }
  return `${readme.slice(
    0,
    start + TABLE_START.length,
  )}\n\n${table.trim()}\n\n${readme.slice(end)}`;
}

/** The README as it should be: its table regenerated and formatted with the repository's Prettier settings. */
export function expectedReadme(root: string): string {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const table = prettier.format(
    renderConfigKeysTable(readRepoConfigKeys(root)),
    {
      ...prettier.resolveConfig.sync(resolve(root, 'README.md')),
      parser: 'markdown',
    },
  );
  return replaceConfigKeysTable(readme, table);
}
