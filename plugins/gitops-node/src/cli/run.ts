import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse as parseYaml } from 'yaml';
import { parseValidationConfig, ValidationOptions } from '../validation/config';
import { renderValidationMarkdown } from '../validation/markdown';
import { helmReleaseTargets } from '../validation/helm';
import { validateConfigRepoChange } from '../validation/validateConfigRepoChange';
import { parseArgs, USAGE } from './args';

const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/** Every regular YAML file under `dir` (symlinks are skipped, like the writer refuses them), as repo-relative paths. */
async function yamlFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(
    () => [],
  );
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await yamlFiles(root, path)));
    else if (entry.isFile() && isYaml(entry.name)) out.push(path);
  }
  return out;
}

async function expand(root: string, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const clean = relative(root, join(root, path)).split(sep).join('/');
    const stat = await lstat(join(root, clean)).catch(() => undefined);
    if (stat?.isDirectory()) out.push(...(await yamlFiles(root, clean)));
    else if (stat?.isFile()) out.push(clean);
  }
  return out;
}

/** What one config file holds (Backstage's JsonObject). */
type AppConfigData = Parameters<
  typeof ConfigReader.fromConfigs
>[0][number]['data'];

/** `gitops.validation` of the `--config` files (later ones win, as in Backstage), or its defaults without any. */
async function validationSettings(files: string[]): Promise<ValidationOptions> {
  const configs = await Promise.all(
    files.map(async file => ({
      context: file,
      data: (parseYaml(await readFile(file, 'utf8')) ?? {}) as AppConfigData,
    })),
  );
  return parseValidationConfig(
    ConfigReader.fromConfigs(configs)
      .getOptionalConfig('gitops.validation')
      ?.get(),
  );
}

/** The YAML files under `paths` (a directory ends with `/`), read from the checkout, by repo path. */
async function filesUnder(
  root: string,
  paths: string[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await expand(root, paths)) {
    files[path] = await readFile(join(root, path), 'utf8');
  }
  return files;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI and returns its exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const root = options.repoDir!;
  let settings: ValidationOptions;
  try {
    settings = await validationSettings(options.configFiles);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const appFiles = await yamlFiles(root, 'apps');
  const overlays =
    options.overlays.length > 0
      ? options.overlays.map(o => o.replace(/\/+$/, ''))
      : appFiles
          .filter(p =>
            /^apps\/[^/]+\/overlays\/.+\/kustomization\.ya?ml$/.test(p),
          )
          .map(p => p.replace(/\/kustomization\.ya?ml$/, ''));
  const manifests = await expand(
    root,
    options.manifests.length > 0 ? options.manifests : ['clusters'],
  );
  const checkoutFiles: Record<string, string> = {};
  for (const path of [...appFiles, ...manifests]) {
    checkoutFiles[path] = await readFile(join(root, path), 'utf8');
  }
  const result = await validateConfigRepoChange({
    checkoutFiles,
    touchedOverlays: overlays,
    helmReleases: helmReleaseTargets(appFiles),
    manifestFiles: manifests,
    kubectlPath: options.kubectlPath ?? settings.kubectlPath,
    helmPath: options.helmPath ?? settings.helmPath,
    timeoutMs: settings.timeoutMs,
    rules: settings.rules,
    kubernetesVersion: settings.kubernetesVersion,
    ...(settings.crdPaths.length > 0
      ? { crdFiles: await filesUnder(root, settings.crdPaths) }
      : {}),
    ...(settings.policies.enabled
      ? { policyFiles: await filesUnder(root, settings.policies.paths) }
      : {}),
  });
  if (options.format === 'json')
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.format === 'markdown')
    io.stdout(renderValidationMarkdown(result));
  else {
    for (const target of [...result.overlays, ...result.manifests]) {
      io.stdout(
        `${target.violations.length === 0 ? 'ok  ' : 'FAIL'} ${target.path} (${
          target.objects
        } objects)\n`,
      );
    }
    for (const v of result.violations)
      io.stdout(`${v.file}: [${v.rule}] ${v.message}\n`);
  }
  return result.ok ? 0 : 1;
}
