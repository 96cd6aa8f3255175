/*
 * What would make a packed plugin unusable once installed from the registry: entry points outside dist/ or missing
 * from the tarball, no type declarations, workspace-only dependency ranges, a config schema or migrations left out.
 */

/** The fields of a packed package.json this check reads. */
export interface PackedPackageJson {
  name?: string;
  private?: boolean;
  main?: string;
  module?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  typesVersions?: Record<string, Record<string, string[]>>;
  configSchema?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const normal = (path: string) => path.replace(/^\.\//, '');

/** Problems of one tarball, given its package.json and its file list (paths without the `package/` prefix). */
export function tarballProblems(
  pkg: PackedPackageJson,
  files: string[],
  options: { migrations?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const has = (path: string) => files.includes(normal(path));
  const inDist = (field: string, path: string | undefined) => {
    if (!path) return;
    if (!normal(path).startsWith('dist/')) {
      problems.push(`${field} ${path} is not in dist/`);
    } else if (!has(path)) {
      problems.push(`${field} ${path} is not in the tarball`);
    }
  };
  if (pkg.private) problems.push('private');
  inDist('main', pkg.main);
  inDist('module', pkg.module);
  inDist('types', pkg.types);
  if (!pkg.types?.endsWith('.d.ts')) problems.push('no type declarations');
  for (const [mount, target] of Object.entries(pkg.exports ?? {})) {
    if (mount === './package.json') continue;
    if (typeof target === 'string') {
      inDist(`exports[${mount}]`, target);
      continue;
    }
    for (const [condition, path] of Object.entries(target)) {
      // `backstage` names the feature type of the entry point, not a file
      if (condition !== 'backstage')
        inDist(`exports[${mount}].${condition}`, path);
    }
    if (!target.types) problems.push(`exports[${mount}] has no types`);
    const subpath = normal(mount);
    if (mount !== '.') {
      const declared = pkg.typesVersions?.['*']?.[subpath]?.[0];
      if (!declared) problems.push(`typesVersions has no ${subpath}`);
      else inDist(`typesVersions[${subpath}]`, declared);
    }
  }
  for (const [field, deps] of Object.entries({
    dependencies: pkg.dependencies,
    peerDependencies: pkg.peerDependencies,
  })) {
    for (const [dep, range] of Object.entries(deps ?? {})) {
      if (range.startsWith('workspace:') || range.startsWith('link:')) {
        problems.push(`${field} ${dep}@${range} is workspace-only`);
      }
    }
  }
  if (pkg.configSchema && !has(pkg.configSchema)) {
    problems.push(`configSchema ${pkg.configSchema} is not in the tarball`);
  }
  if (options.migrations && !files.some(f => f.startsWith('migrations/'))) {
    problems.push('no migrations/');
  }
  if (!has('README.md')) problems.push('no README.md');
  return problems;
}
