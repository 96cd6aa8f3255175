import type {
  ObjectStatus,
  SyncedSource,
} from '@gitops-portal/plugin-gitops-common';
import { isCommitSha } from './pipelineColumns';
import { repoDir } from './readDeliveredVersion';

/** What of the config repo a delivering object deploys at one commit: a directory, or Helm values files. */
export type ConfigRepoRead =
  | { revision: string; dir: string }
  | { revision: string; valueFiles: string[] };

/** Argo CD's `$<ref>/<path>`: a values file read from the source whose `ref` is `<ref>`. */
const REF_FILE = /^\$([^/]+)\/(.+)$/;

/**
 * The config-repo reads that say what a delivering object runs, each at the commit its source is synced at: every
 * config-repo source's directory (`path`), and the values files its Helm sources take from a config-repo `ref`
 * source (a multi-source Application's remote chart with `$values/apps/x/envs/dev/values.yaml`: the chart's version
 * is the chart source's revision, the image tag is in those files). Sources of other repos, and sources not synced
 * at a commit, are not read.
 */
export function configRepoReads(
  target: ObjectStatus,
  /** Whether a repoURL is the config repo's. */
  isConfigRepo: (repoURL: string) => boolean,
): ConfigRepoRead[] {
  const single: SyncedSource[] = target.source
    ? [{ ...target.source, revision: target.revision }]
    : [];
  const sources = target.sources?.length ? target.sources : single;
  // A Flux source names no repoURL (it points at a GitRepository): the config repo is the one Flux reads.
  const atConfigCommit = (source: SyncedSource) =>
    isCommitSha(source.revision) &&
    (source.repoURL ? isConfigRepo(source.repoURL) : target.engine === 'flux');

  const reads: ConfigRepoRead[] = sources
    .filter(source => source.path && atConfigCommit(source))
    .map(source => ({
      revision: source.revision!,
      dir: repoDir(source.path!),
    }));

  // Values files in the order the chart source lists them (later ones win in Helm), grouped by commit.
  const valueFiles = new Map<string, string[]>();
  for (const file of sources.flatMap(source => source.valueFiles ?? [])) {
    const match = REF_FILE.exec(file);
    const from = match && sources.find(source => source.ref === match[1]);
    if (!from || !atConfigCommit(from)) continue;
    const files = valueFiles.get(from.revision!) ?? [];
    const path = repoDir(match[2]);
    if (!files.includes(path)) files.push(path);
    valueFiles.set(from.revision!, files);
  }
  for (const [revision, files] of valueFiles) {
    reads.push({ revision, valueFiles: files });
  }
  return reads;
}
