import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runIsolated } from '@internal/github-emulator';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './catalogEntities';

/** The project's kubectl and helm (scripts/setup.sh), else whatever PATH has. */
export const KUBECTL = toolPath('.tools/kubectl/kubectl/kubectl', 'kubectl');
export const HELM = toolPath('.tools/kubectl/helm/helm', 'helm');

function toolPath(projectPath: string, fallback: string) {
  const path = join(REPO_ROOT, projectPath);
  return existsSync(path) ? path : fallback;
}

/** Runs a command without a shell; async, because the emulator answering git runs in this process. */
export function runTool(file: string, args: string[], cwd?: string) {
  return runIsolated(file, args, { cwd });
}

const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** `apps/<service>/overlays/<env>` directories of a checkout (of the given services only, when named). */
function overlayDirs(dir: string, services?: string[]): string[] {
  const apps = join(dir, 'apps');
  if (!existsSync(apps)) return [];
  const names = readdirSync(apps).filter(
    service => !services || services.includes(service),
  );
  return names.flatMap(service => {
    const overlays = join(apps, service, 'overlays');
    if (!existsSync(overlays)) return [];
    return readdirSync(overlays).map(env => `apps/${service}/overlays/${env}`);
  });
}

/** What building a checkout gave, keyed by overlay path (`apps/<svc>/overlays/<env>`). */
export interface BuiltCheckout {
  /** The clone's directory. */
  dir: string;
  /** `kubectl kustomize` of every overlay holding a kustomization. */
  overlays: Record<string, string>;
  /**
   * Helm packaging (gitops-node's `apps/<svc>/chart/`): `helm template` of the service's chart with each overlay's
   * `values.yaml`.
   */
  charts: Record<string, string>;
}

/** Which overlays a build renders. */
export interface BuildOptions {
  /**
   * Only the overlays of these services (`apps/<service>/`). Default: every overlay of the checkout, which in the
   * sandbox's config repo is some forty renders; a test about one service's files names it.
   */
  services?: string[];
}

/** Clones `branch` of `gitUrl` into `into` and renders its overlays; any render failure throws. */
export async function cloneAndBuild(
  gitUrl: string,
  branch: string,
  into: string,
  options: BuildOptions = {},
): Promise<BuiltCheckout> {
  await runTool('git', ['clone', '--quiet', '--branch', branch, gitUrl, into]);
  const built: BuiltCheckout = { dir: into, overlays: {}, charts: {} };
  for (const overlay of overlayDirs(into, options.services)) {
    if (KUSTOMIZATION_FILES.some(f => existsSync(join(into, overlay, f)))) {
      built.overlays[overlay] = await runTool(
        KUBECTL,
        ['kustomize', overlay],
        into,
      );
    }
    const [, service] = overlay.split('/');
    const chart = `apps/${service}/chart`;
    const values = `${overlay}/values.yaml`;
    if (
      existsSync(join(into, chart, 'Chart.yaml')) &&
      existsSync(join(into, values))
    ) {
      built.charts[overlay] = await runTool(
        HELM,
        ['template', service, chart, '--values', values],
        into,
      );
    }
  }
  return built;
}

/** A Kubernetes object as `kubectl kustomize` prints it. */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec?: Record<string, any>;
  [key: string]: unknown;
}

/** The objects of a multi-document YAML stream (a render's output or a manifest file). */
export function objectsOf(yamlText: string): RenderedObject[] {
  return parseAllDocuments(yamlText)
    .map(doc => doc.toJSON() as RenderedObject | null)
    .filter((obj): obj is RenderedObject => !!obj?.kind);
}
