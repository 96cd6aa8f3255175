import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  expectedReadme,
  readConfigKeys,
  replaceConfigKeysTable,
  TABLE_END,
  TABLE_START,
} from './configKeys';

const ROOT = resolve(__dirname, '../../..');

describe('readConfigKeys', () => {
  it.each([
    {
      name: 'a nested object and its documented leaf',
      source: `export interface Config {
        a?: {
          /** The b. */
          b: string;
        };
      }`,
      keys: [
        ['a', 'object', 'backend', ''],
        ['a.b', 'string', 'backend', 'The b.'],
      ],
    },
    {
      name: 'an array of objects, its items marked with []',
      source: `export interface Config { list?: Array<{ name: string }> }`,
      keys: [
        ['list', 'object[]', 'backend', ''],
        ['list[].name', 'string', 'backend', ''],
      ],
    },
    {
      name: "a map's values, marked with the index parameter's name",
      source: `export interface Config { teams?: { [team: string]: { muted?: boolean } } }`,
      keys: [
        ['teams', 'object', 'backend', ''],
        ['teams.<team>', 'object', 'backend', ''],
        ['teams.<team>.muted', 'boolean', 'backend', ''],
      ],
    },
    {
      name: 'the visibility tag, kept out of the description',
      source: `export interface Config {
        /**
         * A token.
         * @visibility secret
         */
        token?: string }`,
      keys: [['token', 'string', 'secret', 'A token.']],
    },
    {
      name: 'a package name in the description, which TSDoc would read as a tag',
      source: `export interface Config {
        /** Needs @backstage/plugin-x. */
        x?: boolean;
      }`,
      keys: [['x', 'boolean', 'backend', 'Needs @backstage/plugin-x.']],
    },
  ])('reads $name', ({ source, keys }) => {
    expect(
      readConfigKeys(source, 'pkg').map(k => [
        k.path,
        k.type,
        k.visibility,
        k.description,
      ]),
    ).toEqual(keys);
  });

  it('refuses a file without interface Config', () => {
    expect(() => readConfigKeys('export interface Other {}', 'pkg')).toThrow(
      'pkg: no interface Config',
    );
  });
});

describe('replaceConfigKeysTable', () => {
  it('replaces what is between the markers and keeps the rest', () => {
    expect(
      replaceConfigKeysTable(
        `before\n${TABLE_START}\nold\n${TABLE_END}\nafter\n`,
        '| new |\n',
      ),
    ).toBe(`before\n${TABLE_START}\n\n| new |\n\n${TABLE_END}\nafter\n`);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceConfigKeysTable('no table here', '| new |')).toThrow(
      TABLE_START,
    );
  });
});

describe('the README', () => {
  it('lists exactly the keys of the config.d.ts files (yarn readme:config-keys rewrites it)', () => {
    expect(readFileSync(resolve(ROOT, 'README.md'), 'utf8')).toBe(
      expectedReadme(ROOT),
    );
  });
});
