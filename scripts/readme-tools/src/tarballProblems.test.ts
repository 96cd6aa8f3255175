import { PackedPackageJson, tarballProblems } from './tarballProblems';

const GOOD: PackedPackageJson = {
  name: '@x/plugin',
  main: 'dist/index.esm.js',
  module: 'dist/index.esm.js',
  types: 'dist/index.d.ts',
  exports: {
    '.': {
      import: './dist/index.esm.js',
      types: './dist/index.d.ts',
      default: './dist/index.esm.js',
    },
    './alpha': {
      backstage: '@backstage/FrontendPlugin',
      import: './dist/alpha.esm.js',
      types: './dist/alpha.d.ts',
      default: './dist/alpha.esm.js',
    },
    './package.json': './package.json',
  },
  typesVersions: { '*': { alpha: ['dist/alpha.d.ts'] } },
  dependencies: { '@x/common': '^0.1.0' },
};
const FILES = [
  'package.json',
  'README.md',
  'dist/index.esm.js',
  'dist/index.d.ts',
  'dist/alpha.esm.js',
  'dist/alpha.d.ts',
];

describe('tarballProblems', () => {
  it('finds none in a package pointing at its dist/', () => {
    expect(tarballProblems(GOOD, FILES)).toEqual([]);
  });

  it.each<[string, PackedPackageJson, string[], string]>([
    ['a private package', { ...GOOD, private: true }, FILES, 'private'],
    [
      'main still at the sources',
      { ...GOOD, main: 'src/index.ts' },
      FILES,
      'main src/index.ts is not in dist/',
    ],
    [
      'types missing from the tarball',
      GOOD,
      FILES.filter(f => f !== 'dist/index.d.ts'),
      'types dist/index.d.ts is not in the tarball',
    ],
    [
      'no declarations at all',
      { ...GOOD, types: undefined },
      FILES,
      'no type declarations',
    ],
    [
      'an entry point without types',
      {
        ...GOOD,
        exports: { './alpha': { import: './dist/alpha.esm.js' } },
      },
      FILES,
      'exports[./alpha] has no types',
    ],
    [
      'a subpath TypeScript cannot resolve without typesVersions',
      { ...GOOD, typesVersions: undefined },
      FILES,
      'typesVersions has no alpha',
    ],
    [
      'a workspace range left in',
      { ...GOOD, dependencies: { '@x/common': 'workspace:^' } },
      FILES,
      'dependencies @x/common@workspace:^ is workspace-only',
    ],
    [
      'the config schema left out',
      { ...GOOD, configSchema: 'config.schema.json' },
      FILES,
      'configSchema config.schema.json is not in the tarball',
    ],
    ['no README', GOOD, FILES.filter(f => f !== 'README.md'), 'no README.md'],
  ])('reports %s', (_, pkg, files, problem) => {
    expect(tarballProblems(pkg, files)).toContain(problem);
  });

  it('reports missing migrations of a package that has them', () => {
    expect(tarballProblems(GOOD, FILES, { migrations: true })).toEqual([
      'no migrations/',
    ]);
  });
});
