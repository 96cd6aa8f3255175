import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EmulatedCluster,
  KubeObject,
  parseObjects,
} from '@internal/kube-emulator';
import { ConfigRepoCheckout } from './configRepoCheckout';
import {
  applyClusterTree,
  DeliveryKind,
  deliveryKindOf,
  isClusterObject,
  objectKey,
  TrackedObject,
  trackedOf,
} from './clusterTree';
import {
  argoApplicationStatusIn,
  DeliveryPhase,
  fluxKustomizationStatusIn,
  gitRepositoryStatusAt,
  now,
  RenderedResource,
} from './deliveryStatus';
import { touchesInputs } from './kustomizeInputs';
import { deliverySource, sourceInputs } from './deliverySource';
import { claimStatusIn } from './claimStatus';
import { composeRenderedClaims } from './crossplaneDouble';
import { pruneDroppedClaims } from './pruneClaims';
import { buildExternalArtifact } from './externalArtifact';
import { ChartVersions, releaseRenderedHelmReleases } from './helmReleases';
import { OperatorFault } from './types';
import { playSyncStages } from './syncWaves';

const run = promisify(execFile);
type Obj = Record<string, any>;

export interface SyncContext {
  checkout: ConfigRepoCheckout;
  clusters: EmulatedCluster[];
  branch: string;
  gitUrl: string;
  kubectlPath: string;
  stepDelayMs: number;
  faultFor(cluster: string, name: string): OperatorFault | undefined;
  log(message: string): void;
  /** The chart versions the sandbox's Helm repositories serve (HelmReleases a Kustomization renders). */
  chartVersions?: ChartVersions;
}

/** A delivery (or claim) this commit moves through the sync steps. */
interface Delivery extends TrackedObject {
  cluster: EmulatedCluster;
  type: DeliveryKind;
  /** The folder it renders with kustomize; none for Helm sources (not rendered) and claims. */
  path?: string;
  /** Where `path` is rendered when it is not the checkout's (a Flux Kustomization reading an ExternalArtifact). */
  renderDir?: string;
  resources?: RenderedResource[];
  /** What the render produced, for the Crossplane claims among it. */
  rendered?: KubeObject[];
  renderError?: string;
}

/** What `kubectl kustomize <dir>` renders, as objects. */
export async function renderKustomize(
  kubectlPath: string,
  dir: string,
): Promise<KubeObject[]> {
  const { stdout } = await run(kubectlPath, ['kustomize', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseObjects(stdout);
}

async function render(ctx: SyncContext, delivery: Delivery): Promise<void> {
  if (delivery.path === undefined) return;
  try {
    delivery.rendered = await renderKustomize(
      ctx.kubectlPath,
      delivery.renderDir ?? join(ctx.checkout.dir, delivery.path),
    );
    delivery.resources = delivery.rendered.map(trackedOf);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    delivery.renderError = stderr || (error as Error).message;
  }
}

function statusIn(
  live: Obj,
  delivery: Delivery,
  phase: DeliveryPhase,
  revision: string,
  ctx: SyncContext,
  message?: string,
) {
  const input = {
    phase,
    revision,
    branch: ctx.branch,
    at: now(),
    message,
    resources: delivery.resources,
  };
  switch (delivery.type) {
    case 'argocd':
      return argoApplicationStatusIn(live, input);
    case 'flux':
      return fluxKustomizationStatusIn(live, input);
    default:
      return claimStatusIn(live, phase, input.at, message);
  }
}

/** Writes a delivery's status for a step, as its controller would (status only, on the live object). */
function setPhase(
  ctx: SyncContext,
  delivery: Delivery,
  revision: string,
  phase: DeliveryPhase,
  message?: string,
) {
  const { cluster } = delivery;
  const live = cluster.get(
    delivery.apiVersion,
    delivery.kind,
    delivery.name,
    delivery.namespace,
  );
  if (!live) return; // removed since, by a later commit or by hand
  cluster.apply({
    ...live,
    status: statusIn(live, delivery, phase, revision, ctx, message),
  });
  if (delivery.rendered && delivery.type === 'flux')
    releaseRenderedHelmReleases(
      cluster,
      delivery,
      delivery.rendered,
      phase,
      ctx.chartVersions ?? {},
      now(),
    );
  if (delivery.rendered)
    composeRenderedClaims(
      cluster,
      delivery,
      delivery.rendered,
      phase,
      now(),
      message,
    );
}

/** The sync deletes what the delivery applied before and no longer renders (only what it rendered is known). */
function prune(ctx: SyncContext, delivery: Delivery) {
  if (!delivery.rendered) return;
  for (const object of pruneDroppedClaims(
    delivery.cluster,
    delivery,
    delivery.rendered,
  ))
    ctx.log(
      `${delivery.cluster.name}: ${delivery.name} pruned ${object.kind} ${object.name}`,
    );
}

/** Flux sources fetch every commit of the branch, whatever it touches. */
function refreshGitRepositories(
  ctx: SyncContext,
  cluster: EmulatedCluster,
  revision: string,
) {
  for (const repository of cluster.list(
    'source.toolkit.fluxcd.io/v1',
    'GitRepository',
  )) {
    const spec = (repository as Obj).spec;
    if (
      spec?.url !== ctx.gitUrl ||
      (spec.ref?.branch ?? ctx.branch) !== ctx.branch
    )
      continue;
    cluster.apply({
      ...repository,
      status: gitRepositoryStatusAt(repository, ctx.branch, revision, now()),
    });
  }
}

/** Applies each cluster's tree at `to` and returns what the commit affects there. */
async function affectedDeliveries(
  ctx: SyncContext,
  from: string,
  to: string,
): Promise<Delivery[]> {
  const changedFiles = await ctx.checkout.changedFiles(from, to);
  const onError = (file: string, error: Error) =>
    ctx.log(`cannot read ${file}: ${error.message}`);
  const result: Delivery[] = [];
  for (const cluster of ctx.clusters) {
    const before = (
      await ctx.checkout.clusterObjects(from, cluster.name, onError)
    ).filter(d => isClusterObject(d.object));
    const after = (
      await ctx.checkout.clusterObjects(to, cluster.name, onError)
    ).filter(d => isClusterObject(d.object));
    const changes = applyClusterTree(cluster, before, after);
    for (const { object, error } of changes.failed)
      ctx.log(
        `${cluster.name}: cannot apply ${object.kind} ${object.name}: ${error}`,
      );
    for (const object of changes.removed)
      ctx.log(`${cluster.name}: removed ${object.kind} ${object.name}`);
    refreshGitRepositories(ctx, cluster, to);
    for (const { object } of after) {
      const type = deliveryKindOf(cluster, object);
      if (!type) continue;
      const source = deliverySource(object, type);
      const changed = changes.changed.has(objectKey(trackedOf(object)));
      const artifact =
        type === 'flux' &&
        (object as Obj).spec?.sourceRef?.kind === 'ExternalArtifact'
          ? buildExternalArtifact(
              cluster,
              object,
              ctx.checkout.dir,
              join(
                `${ctx.checkout.dir}-artifacts`,
                cluster.name,
                object.metadata.name!,
              ),
              ctx.gitUrl,
            )
          : undefined;
      const inputs =
        artifact && 'inputs' in artifact
          ? artifact.inputs
          : sourceInputs(ctx.checkout.dir, source);
      if (changed || touchesInputs(inputs, changedFiles))
        result.push({
          ...trackedOf(object),
          cluster,
          type,
          path: source.kustomizePath,
          renderDir:
            artifact && 'dir' in artifact
              ? join(artifact.dir, source.kustomizePath ?? '.')
              : undefined,
          renderError:
            artifact && 'error' in artifact ? artifact.error : undefined,
        });
    }
  }
  return result;
}

/**
 * Catches the clusters up with one commit of the config repo: applies each cluster's tree, then moves every delivery
 * the commit affects through OutOfSync -> Progressing (pruning what it no longer renders) -> Healthy (or Degraded),
 * a step every `stepDelayMs`.
 */
export async function syncCommit(
  ctx: SyncContext,
  from: string,
  to: string,
): Promise<void> {
  await ctx.checkout.fetch();
  await ctx.checkout.checkout(to);
  const deliveries = await affectedDeliveries(ctx, from, to);
  ctx.log(`${to.slice(0, 7)}: ${deliveries.length} deliveries to sync`);
  for (const d of deliveries) setPhase(ctx, d, to, 'out-of-sync');
  await sleep(ctx.stepDelayMs);
  for (const d of deliveries) if (!d.renderError) await render(ctx, d);
  for (const d of deliveries) {
    if (d.renderError) setPhase(ctx, d, to, 'render-failed', d.renderError);
    else {
      prune(ctx, d);
      setPhase(ctx, d, to, 'progressing');
    }
  }
  await sleep(ctx.stepDelayMs);
  // Applications with hooks or waves go through their stages before the outcome.
  await playSyncStages(
    deliveries.filter(d => d.type === 'argocd' && !d.renderError),
    ctx.stepDelayMs,
  );
  for (const d of deliveries) {
    if (d.renderError) continue;
    const fault = ctx.faultFor(d.cluster.name, d.name);
    if (fault)
      setPhase(
        ctx,
        d,
        to,
        'degraded',
        fault.message ?? 'Deployment exceeded its progress deadline',
      );
    else setPhase(ctx, d, to, 'healthy');
  }
}
