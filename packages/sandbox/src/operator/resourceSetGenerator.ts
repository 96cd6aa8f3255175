/*
 * The Flux Operator's preview environments, played for the sandbox (the Flux side of pullRequestGenerator.ts):
 * - a ResourceSetInputProvider of type GitHubPullRequest exports one input per open pull request of its `url`'s
 *   repository in the GitHub emulator (`id` the number, `sha` the head commit, `branch`, `author`, `title`, over its
 *   `defaultValues`), filtered by `filter.labels`, in `status.exportedInputs`, and says Ready;
 * - a ResourceSet renders its `resources` once per input of its `inputsFrom` providers (and its own `inputs`),
 *   `<< inputs.<name> >>` filled in, applies them with the operator's ownership labels, lists them in its inventory
 *   and deletes what the previous inventory had and this round no longer renders (a closed pull request's objects).
 *   A Kustomization it makes is reported Ready at once, its overlay's objects in its inventory (in its
 *   targetNamespace), as the Argo CD generator reports its Applications Healthy.
 * The real operator reconciles every `reconcileEvery`; the sandbox looks at every operator tick.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import { trackedOf } from './clusterTree';
import {
  fluxKustomizationStatusIn,
  fluxInventory,
  keptCondition,
  now,
  RenderedResource,
} from './deliveryStatus';
import { openPullRequests } from './openPullRequests';
import {
  type GeneratorContext,
  mapStrings,
  previewResources,
} from './pullRequestGenerator';

type Obj = Record<string, any>;
type Inputs = Record<string, string>;

const FLUX_OPERATOR_API = 'fluxcd.controlplane.io/v1';
const PROVIDER = 'ResourceSetInputProvider';
const KUSTOMIZATION_API = 'kustomize.toolkit.fluxcd.io/v1';
/** The labels the Flux Operator puts on what a ResourceSet applied. */
const OWNER_NAME = 'resourceset.fluxcd.controlplane.io/name';
const OWNER_NAMESPACE = 'resourceset.fluxcd.controlplane.io/namespace';

/** `owner/repo` of a GitHub repository URL (`https://github.com/acme/web`), whatever its host. */
function repositoryOf(url: unknown): { owner: string; repo: string } {
  const match =
    typeof url === 'string'
      ? /^https?:\/\/[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url)
      : null;
  if (!match) throw new Error(`spec.url ${String(url)} names no repository`);
  return { owner: match[1], repo: match[2] };
}

/** Writes a status only when it changed: an unchanged round makes no watch event. */
function writeStatus(cluster: EmulatedCluster, live: Obj, status: Obj) {
  if (isDeepStrictEqual(status, live.status)) return;
  cluster.apply({ ...live, status } as Obj as KubeObject);
}

/** Its Ready condition, keeping its transition time while its status stays. */
const ready = (
  live: Obj,
  status: 'True' | 'False',
  reason: string,
  message: string,
) =>
  keptCondition(
    live.status?.conditions,
    'Ready',
    status,
    reason,
    message,
    now(),
  );

/** One round of a GitHubPullRequest provider: its exported inputs from the open pull requests. */
async function exportInputs(
  ctx: GeneratorContext,
  cluster: EmulatedCluster,
  provider: Obj,
) {
  if (provider.spec?.type !== 'GitHubPullRequest') return;
  try {
    const { owner, repo } = repositoryOf(provider.spec.url);
    const pulls = await openPullRequests(
      ctx.source,
      owner,
      repo,
      provider.spec.filter?.labels,
    );
    const exportedInputs = pulls.map(pull => ({
      ...provider.spec.defaultValues,
      id: String(pull.number),
      sha: pull.head.sha,
      branch: pull.head.ref,
      author: pull.user.login,
      title: pull.title,
    }));
    writeStatus(cluster, provider, {
      conditions: [
        ready(
          provider,
          'True',
          'ReconciliationSucceeded',
          `Reconciliation finished with ${exportedInputs.length} inputs`,
        ),
      ],
      exportedInputs,
    });
  } catch (error) {
    const message = (error as Error).message;
    writeStatus(cluster, provider, {
      ...provider.status,
      conditions: [ready(provider, 'False', 'ReconciliationFailed', message)],
    });
    ctx.sync.log(`${cluster.name}: ${provider.metadata.name}: ${message}`);
  }
}

/** A resource template with `<< inputs.<name> >>` filled in; an unknown name stays as written. */
export function fillInputs<T>(value: T, inputs: Inputs): T {
  return mapStrings(value, text =>
    text.replace(
      /<<\s*inputs\.([A-Za-z0-9_]+)\s*>>/g,
      (whole, name: string) => inputs[name] ?? whole,
    ),
  );
}

/** The ResourceSet's inputs: its own, then each `inputsFrom` provider's exported ones (flattened). */
function inputsOf(cluster: EmulatedCluster, resourceSet: Obj): Inputs[] {
  const namespace = resourceSet.metadata.namespace;
  const fromProviders = (resourceSet.spec?.inputsFrom ?? []).flatMap(
    (ref: Obj) => {
      if ((ref.kind ?? PROVIDER) !== PROVIDER || !ref.name) return [];
      const provider = cluster.get(
        FLUX_OPERATOR_API,
        PROVIDER,
        ref.name,
        namespace,
      );
      return ((provider as Obj | undefined)?.status?.exportedInputs ??
        []) as Inputs[];
    },
  );
  return [...(resourceSet.spec?.inputs ?? []), ...fromProviders];
}

/** Applies one rendered object unless the live one already has its spec, labels and annotations. */
async function applyGenerated(
  ctx: GeneratorContext,
  cluster: EmulatedCluster,
  object: Obj,
) {
  const live = cluster.get(
    object.apiVersion,
    object.kind,
    object.metadata.name,
    object.metadata.namespace,
  ) as Obj | undefined;
  const same = (field: string) =>
    isDeepStrictEqual(live?.metadata?.[field], object.metadata[field]);
  if (
    live &&
    isDeepStrictEqual(live.spec, object.spec) &&
    same('labels') &&
    same('annotations')
  )
    return;
  if (
    object.apiVersion !== KUSTOMIZATION_API ||
    object.kind !== 'Kustomization'
  ) {
    cluster.apply(object as KubeObject);
    return;
  }
  // Applied and healthy in one step: its inventory is what the overlay renders.
  const resources =
    typeof object.spec?.path === 'string'
      ? await previewResources(ctx, {
          name: object.metadata.name,
          path: object.spec.path,
          namespace: object.spec.targetNamespace,
        })
      : [];
  const status = fluxKustomizationStatusIn(object, {
    phase: 'healthy',
    revision: ctx.revision,
    branch: ctx.sync.branch,
    at: now(),
  });
  cluster.apply({
    ...object,
    status: { ...status, inventory: fluxInventory(resources) },
  } as Obj as KubeObject);
}

const inventoryId = (r: RenderedResource) => fluxInventory([r])!.entries[0].id;

/** One round of a ResourceSet: render per input, apply, prune what the last round applied and this one does not. */
async function reconcileResourceSet(
  ctx: GeneratorContext,
  cluster: EmulatedCluster,
  resourceSet: Obj,
) {
  const { name, namespace } = resourceSet.metadata;
  const rendered: Obj[] = inputsOf(cluster, resourceSet).flatMap(inputs =>
    (resourceSet.spec?.resources ?? []).map((template: Obj) => {
      const object = fillInputs(template, inputs);
      return {
        ...object,
        metadata: {
          ...object.metadata,
          labels: {
            ...object.metadata?.labels,
            [OWNER_NAME]: name,
            [OWNER_NAMESPACE]: namespace,
          },
        },
      };
    }),
  );
  for (const object of rendered) await applyGenerated(ctx, cluster, object);
  const resources = rendered.map(object => trackedOf(object as KubeObject));
  const wanted = new Set(resources.map(inventoryId));
  for (const entry of resourceSet.status?.inventory?.entries ?? []) {
    if (wanted.has(entry.id)) continue;
    const [objectNamespace, objectName, group, kind] = String(entry.id).split(
      '_',
    );
    cluster.remove(
      group ? `${group}/${entry.v}` : entry.v,
      kind,
      objectName,
      objectNamespace || undefined,
    );
    ctx.sync.log(
      `${cluster.name}: ${name} deleted ${kind} ${objectName}: its input is gone`,
    );
  }
  writeStatus(cluster, resourceSet, {
    conditions: [
      ready(
        resourceSet,
        'True',
        'ReconciliationSucceeded',
        `Reconciliation finished with ${resources.length} resources`,
      ),
    ],
    inventory: fluxInventory(resources),
  });
}

/** One round of the Flux Operator's providers then ResourceSets over every cluster; a failing one keeps its objects. */
export async function generateResourceSets(
  ctx: GeneratorContext,
): Promise<void> {
  for (const cluster of ctx.sync.clusters) {
    for (const provider of cluster.list(FLUX_OPERATOR_API, PROVIDER))
      await exportInputs(ctx, cluster, provider);
    for (const resourceSet of cluster.list(FLUX_OPERATOR_API, 'ResourceSet')) {
      try {
        await reconcileResourceSet(ctx, cluster, resourceSet);
      } catch (error) {
        ctx.sync.log(
          `${cluster.name}: ${resourceSet.metadata.name}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
}
