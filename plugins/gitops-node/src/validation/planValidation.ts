import { BaseSnapshot, BlobReader, readBlobs } from '../changes/baseSnapshot';
import { ResolvedChange } from '../changes/types';
import { PolicySources } from './config';
import { helmReleaseTargets } from './helm';
import { ValidateConfigRepoChangeOptions } from './validateConfigRepoChange';

const OVERLAY_FILE = /^apps\/([^/]+)\/overlays\/(.+)\/kustomization\.ya?ml$/;
const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/**
 * Works out what a change needs validated: the overlays it touches (a change
 * under `apps/<svc>/overlays/<env>/` touches the overlays in that directory; any other change
 * under `apps/<svc>/` touches all of the service's overlays), the plain
 * manifests it writes outside `apps/`, and the files to materialise (the
 * whole `apps/<svc>/` directory of each touched service, read from the base
 * branch where the change does not replace it), and the estate's policy
 * files under `policies.paths`, read at the base branch.
 */
export async function planValidation(
  change: ResolvedChange,
  base: BaseSnapshot,
  readBlob: BlobReader,
  policies?: PolicySources,
  /** Config-repo directories or files whose CRDs give custom kinds their schema (read at the base branch). */
  crdPaths: string[] = [],
): Promise<
  Omit<
    ValidateConfigRepoChangeOptions,
    | 'kubectlPath'
    | 'helmPath'
    | 'timeoutMs'
    | 'rules'
    | 'kubernetesVersion'
    | 'clusterEstates'
  >
> {
  const finalPaths = new Set(
    [...base.entries.values()].filter(e => e.type === 'blob').map(e => e.path),
  );
  for (const [path, content] of Object.entries(change)) {
    if (content === null) finalPaths.delete(path);
    else finalPaths.add(path);
  }

  const overlays = new Set<string>();
  // A generated chart renders once per environment values file in a touched overlay or service.
  const helmScopes: string[] = [];
  const services = new Set<string>();
  const manifestFiles: string[] = [];
  for (const path of Object.keys(change)) {
    const parts = path.split('/');
    if (parts[0] === 'apps' && parts.length > 2) {
      services.add(parts[1]);
      const overlay =
        parts[2] === 'overlays' && parts.length > 4
          ? `apps/${parts[1]}/overlays/${parts[3]}`
          : undefined;
      for (const candidate of finalPaths) {
        const match = OVERLAY_FILE.exec(candidate);
        if (!match || match[1] !== parts[1]) continue;
        const dir = `apps/${match[1]}/overlays/${match[2]}`;
        if (!overlay || dir === overlay || dir.startsWith(`${overlay}/`)) {
          overlays.add(dir);
        }
      }
      helmScopes.push(overlay ?? `apps/${parts[1]}/`);
    } else if (isYaml(path) && change[path] !== null) {
      manifestFiles.push(path);
    }
  }

  const checkoutFiles: Record<string, string> = {};
  const fromBase = [...finalPaths]
    .filter(
      path => services.has(path.split('/')[1]) && path.startsWith('apps/'),
    )
    .filter(path => change[path] === undefined)
    .map(path => base.entries.get(path)!);
  Object.assign(checkoutFiles, await readBlobs(readBlob, fromBase));
  for (const [path, content] of Object.entries(change)) {
    if (content !== null) checkoutFiles[path] = content;
  }
  return {
    checkoutFiles,
    ...(crdPaths.length > 0
      ? { crdFiles: await readPolicyFiles(base, readBlob, crdPaths) }
      : {}),
    ...(policies?.enabled
      ? { policyFiles: await readPolicyFiles(base, readBlob, policies.paths) }
      : {}),
    touchedOverlays: [...overlays].sort(),
    helmReleases: helmReleaseTargets(finalPaths, values =>
      helmScopes.some(scope =>
        values.startsWith(scope.endsWith('/') ? scope : `${scope}/`),
      ),
    ),
    manifestFiles,
    secretScanFiles: Object.keys(change).filter(p => change[p] !== null),
  };
}

/** The YAML files under `paths` (a directory ends with `/`; anything else is one file) at the base branch. */
async function readPolicyFiles(
  base: BaseSnapshot,
  readBlob: BlobReader,
  paths: string[],
): Promise<Record<string, string>> {
  const entries = [...base.entries.values()].filter(
    e =>
      e.type === 'blob' &&
      isYaml(e.path) &&
      paths.some(p => (p.endsWith('/') ? e.path.startsWith(p) : e.path === p)),
  );
  return readBlobs(readBlob, entries);
}
