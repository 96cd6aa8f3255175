/*
 * Argo CD's ApplicationSet controller, for the pull-request generator only, played for the sandbox: each
 * ApplicationSet in a cluster with a `pullRequest.github` generator gets, per open pull request of that repository in
 * the GitHub emulator, the Application its template makes (already synced and Healthy, the objects its overlay renders
 * listed Healthy in the preview namespace), and the Application of a pull request that closed (or lost a filter
 * label) is deleted, as the controller deletes it; the ApplicationSet's own status says how the round went
 * (`applicationSetStatus.ts`). The real controller polls every `requeueAfterSeconds`; the sandbox looks at every
 * operator tick, so a demo or a test does not wait minutes.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import {
  argoApplicationStatusIn,
  now,
  RenderedResource,
} from './deliveryStatus';
import { trackedOf } from './clusterTree';
import { writeApplicationSetStatus } from './applicationSetStatus';
import {
  OpenPullRequest,
  openPullRequests,
  PullRequestSource,
} from './openPullRequests';
import { renderKustomize, type SyncContext } from './syncCommit';

type Obj = Record<string, any>;

const APPLICATION = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' };

/** The operator's sync context, the GitHub emulator to list pull requests from, and the revision caught up with. */
export interface GeneratorContext {
  sync: SyncContext;
  source: PullRequestSource;
  revision: string;
}

/** Argo CD's slug of a branch name: lower case, runs of other characters as one `-`, at most 50 characters. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');

/** The generator's documented parameters for one pull request. */
export function pullRequestParams(
  pull: OpenPullRequest,
): Record<string, string> {
  return {
    number: String(pull.number),
    title: pull.title,
    branch: pull.head.ref,
    branch_slug: slug(pull.head.ref),
    target_branch: pull.base.ref,
    target_branch_slug: slug(pull.base.ref),
    head_sha: pull.head.sha,
    head_short_sha: pull.head.sha.slice(0, 8),
    head_short_sha_7: pull.head.sha.slice(0, 7),
    author: pull.user.login,
  };
}

/** A template with every string in it (at any depth) passed through `fill`. */
export function mapStrings<T>(value: T, fill: (text: string) => string): T {
  if (typeof value === 'string') return fill(value) as T;
  if (Array.isArray(value))
    return value.map(item => mapStrings(item, fill)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, fill)]),
    ) as T;
  return value;
}

/** The template with `{{.param}}` (goTemplate) or `{{param}}` (fasttemplate) filled in; an unknown one stays. */
export function fillTemplate<T>(value: T, params: Record<string, string>): T {
  return mapStrings(value, text =>
    text.replace(
      /\{\{\s*\.?([a-z_0-9]+)\s*\}\}/g,
      (whole, name: string) => params[name] ?? whole,
    ),
  );
}

/**
 * The objects a preview's Kustomize overlay (`path` in the operator's checkout) renders, moved to the preview's
 * namespace; none when the checkout cannot render it (the preview is still shown, with no resources).
 */
export async function previewResources(
  ctx: GeneratorContext,
  preview: { name: string; path: string; namespace?: string },
): Promise<RenderedResource[]> {
  try {
    return (
      await renderKustomize(
        ctx.sync.kubectlPath,
        join(ctx.sync.checkout.dir, preview.path),
      )
    )
      .filter(object => object.kind !== 'Namespace')
      .map(object => ({
        ...trackedOf(object),
        namespace: preview.namespace ?? object.metadata.namespace,
      }));
  } catch (error) {
    ctx.sync.log(
      `cannot render ${preview.path} for ${preview.name}: ${
        (error as Error).message
      }`,
    );
    return [];
  }
}

/** What an Application's Kustomize source renders; none for a chart. */
async function renderedResources(
  ctx: GeneratorContext,
  app: Obj,
): Promise<RenderedResource[]> {
  const source = app.spec?.source ?? app.spec?.sources?.[0];
  if (typeof source?.path !== 'string' || source.chart || source.helm)
    return [];
  return previewResources(ctx, {
    name: app.metadata.name,
    path: source.path,
    namespace: app.spec?.destination?.namespace,
  });
}

const ownedBy = (app: KubeObject, appSet: KubeObject) =>
  ((app.metadata as Obj).ownerReferences ?? []).some(
    (owner: Obj) =>
      owner.kind === 'ApplicationSet' && owner.name === appSet.metadata.name,
  );

/** The Application the template makes for one pull request, owned by its ApplicationSet. */
function generatedApplication(appSet: Obj, pull: OpenPullRequest): Obj {
  const template = fillTemplate(appSet.spec.template, pullRequestParams(pull));
  return {
    ...APPLICATION,
    metadata: {
      ...template.metadata,
      namespace: appSet.metadata.namespace,
      ownerReferences: [
        {
          apiVersion: appSet.apiVersion,
          kind: 'ApplicationSet',
          name: appSet.metadata.name,
          uid: appSet.metadata.uid ?? appSet.metadata.name,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template.spec,
  };
}

async function generateFor(
  ctx: GeneratorContext,
  cluster: EmulatedCluster,
  appSet: KubeObject,
) {
  const github = (appSet as Obj).spec?.generators?.find(
    (generator: Obj) => generator.pullRequest?.github,
  )?.pullRequest.github;
  if (!github || !(appSet as Obj).spec?.template) return;
  let pulls: OpenPullRequest[];
  try {
    pulls = await openPullRequests(
      ctx.source,
      github.owner,
      github.repo,
      github.labels,
    );
  } catch (error) {
    writeApplicationSetStatus(cluster, appSet, {
      error: (error as Error).message,
    });
    throw error;
  }
  const wanted = new Set<string>();
  for (const pull of pulls) {
    const app = generatedApplication(appSet, pull);
    wanted.add(app.metadata.name);
    const live = cluster.get(
      APPLICATION.apiVersion,
      APPLICATION.kind,
      app.metadata.name,
      app.metadata.namespace,
    ) as Obj | undefined;
    // A new pull request, or a new head commit (a new image tag in the template): deployed again.
    if (live && isDeepStrictEqual(live.spec, app.spec)) continue;
    const resources = await renderedResources(ctx, app);
    const synced: Obj = {
      ...app,
      status: argoApplicationStatusIn(app, {
        phase: 'healthy',
        revision: ctx.revision,
        branch: ctx.sync.branch,
        at: now(),
        resources,
      }),
    };
    cluster.apply(synced as KubeObject);
    ctx.sync.log(
      `${cluster.name}: ${appSet.metadata.name} generated ${app.metadata.name} for ${github.owner}/${github.repo}#${pull.number}`,
    );
  }
  for (const app of cluster.list(
    APPLICATION.apiVersion,
    APPLICATION.kind,
    appSet.metadata.namespace,
  )) {
    if (!ownedBy(app, appSet) || wanted.has(app.metadata.name!)) continue;
    cluster.remove(
      APPLICATION.apiVersion,
      APPLICATION.kind,
      app.metadata.name!,
      app.metadata.namespace,
    );
    ctx.sync.log(
      `${cluster.name}: ${appSet.metadata.name} deleted ${app.metadata.name}: its pull request is no longer open`,
    );
  }
  writeApplicationSetStatus(cluster, appSet, { applications: [...wanted] });
}

/** One round of the pull-request generator over every cluster; a repository it cannot list keeps its previews. */
export async function generatePullRequestApplications(
  ctx: GeneratorContext,
): Promise<void> {
  for (const cluster of ctx.sync.clusters) {
    for (const appSet of cluster.list(
      'argoproj.io/v1alpha1',
      'ApplicationSet',
    )) {
      try {
        await generateFor(ctx, cluster, appSet);
      } catch (error) {
        ctx.sync.log(
          `${cluster.name}: ${appSet.metadata.name}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
}
