/*
 * A test double of Argo CD and Flux for the sandbox: it watches the config repo's branch in the GitHub emulator and
 * plays what the controllers would do in the emulated clusters. It renders with real `kubectl kustomize` but deploys
 * nothing: it only writes the objects of `clusters/<env>/` and the statuses the controllers would report.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { advanceClusterApi } from './clusterApiDouble';
import { advanceClusterClaims } from './clusterClaimDouble';
import { ConfigRepoCheckout } from './configRepoCheckout';
import { now } from './deliveryStatus';
import { syncCommit } from './syncCommit';
import { generatePullRequestApplications } from './pullRequestGenerator';
import { generateResourceSets } from './resourceSetGenerator';
import { GitopsOperator, GitopsOperatorOptions, OperatorFault } from './types';

async function readBranchHead(options: GitopsOperatorOptions): Promise<string> {
  const { apiUrl, owner, repo, branch, token } = options.source;
  const response = await fetch(
    `${apiUrl}/repos/${owner}/${repo}/git/ref/heads/${branch}`,
    {
      headers: { authorization: `token ${token}` },
    },
  );
  if (!response.ok)
    throw new Error(
      `reading ${owner}/${repo}@${branch}: HTTP ${response.status}`,
    );
  const ref = (await response.json()) as { object: { sha: string } };
  return ref.object.sha;
}

/**
 * Starts the operator. The clusters are taken to be in step with the branch at its first start (the sandbox seeds
 * them at the head commit); the last revision caught up with is kept in `workDir` for the next start.
 */
export async function startGitopsOperator(
  options: GitopsOperatorOptions,
): Promise<GitopsOperator> {
  mkdirSync(options.workDir, { recursive: true });
  const log = options.log ?? (() => {});
  const revisionFile = join(options.workDir, 'revision');
  let revision = existsSync(revisionFile)
    ? readFileSync(revisionFile, 'utf8').trim()
    : await readBranchHead(options);
  writeFileSync(revisionFile, revision);

  const faults = new Map<string, OperatorFault>();
  let nextFaultId = 1;
  for (const fault of options.faults ?? [])
    faults.set(String(nextFaultId++), fault);

  const context = {
    checkout: new ConfigRepoCheckout(
      join(options.workDir, 'config-repo'),
      options.source.gitUrl,
      options.source.branch,
    ),
    clusters: options.clusters,
    branch: options.source.branch,
    gitUrl: options.source.gitUrl,
    kubectlPath: options.kubectlPath ?? 'kubectl',
    chartVersions: options.chartVersions,
    stepDelayMs: options.stepDelayMs ?? 1000,
    faultFor: (cluster: string, name: string) =>
      [...faults.values()].find(
        f => (f.cluster ?? cluster) === cluster && (f.name ?? name) === name,
      ),
    log,
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  /** One look at the branch: catches up with its head (several merges since the last look become one sync). */
  async function tick(): Promise<void> {
    try {
      const head = await readBranchHead(options);
      if (head !== revision && !stopped) {
        await syncCommit(context, revision, head);
        revision = head;
        writeFileSync(revisionFile, revision);
      }
      if (!stopped) {
        // Preview environments: Argo CD's pull-request generator, the Flux Operator's GitHubPullRequest provider.
        const generator = { sync: context, source: options.source, revision };
        await generatePullRequestApplications(generator);
        await generateResourceSets(generator);
      }
      // Requested clusters merged so far move one provisioning step per look: Cluster API objects
      // (clusterApiDouble.ts), Crossplane cluster claims (clusterClaimDouble.ts).
      for (const cluster of options.clusters) {
        advanceClusterApi(cluster);
        advanceClusterClaims(cluster, now());
      }
    } catch (error) {
      log(`cannot sync: ${(error as Error).message}`);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, options.pollIntervalMs ?? 1000);
  }
  schedule();

  return {
    get revision() {
      return revision;
    },
    addFault(fault) {
      const id = String(nextFaultId++);
      faults.set(id, fault);
      return id;
    },
    clearFaults(id) {
      if (id === undefined) faults.clear();
      else faults.delete(id);
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
