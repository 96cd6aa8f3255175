/*
 * Argo CD's ApplicationSet controller, for the pull-request generator only, played for the sandbox: each
 * ApplicationSet in a cluster with a `pullRequest.github` generator gets, per open pull request of that repository in
 * the GitHub emulator, the Application its template makes (already synced and Healthy, the objects its overlay renders
 * listed Healthy in the preview namespace), and the Application of a pull request that closed (or lost a filter
 * label) is deleted, as the controller deletes it; the ApplicationSet's own status says how the round went
 * (`applicationSetStatus.ts`). The real controller polls every `requeueAfterSeconds`; the sandbox looks at every
 * operator tick, so a demo or a test does not wait minutes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  EmulatedCluster,
  KubeObject,
  parseObjects,
} from '@internal/kube-emulator';
import { argoApplicationStatusIn, RenderedResource } from './deliveryStatus';
import { trackedOf } from './clusterTree';
import { writeApplicationSetStatus } from './applicationSetStatus';
import type { SyncContext } from './syncCommit';
import type { OperatorSource } from './types';

const run = promisify(execFile);
type Obj = Record<string, any>;

const APPLICATION = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' };

/** What the generator reads of a pull request (GitHub's REST shape, as the emulator serves it). */
export interface OpenPullRequest {
  number: number;
  title: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: Array<{ name: string }>;
  user: { login: string };
}

/** The operator's sync context, the GitHub emulator to list pull requests from, and the revision caught up with. */
interface GeneratorContext {
  sync: SyncContext;
  source: Pick<OperatorSource, 'apiUrl' | 'token'>;
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

/** The template with `{{.param}}` (goTemplate) or `{{param}}` (fasttemplate) filled in; an unknown one stays. */
export function fillTemplate<T>(value: T, params: Record<string, string>): T {
  if (typeof value === 'string')
    return value.replace(
      /\{\{\s*\.?([a-z_0-9]+)\s*\}\}/g,
      (whole, name: string) => params[name] ?? whole,
    ) as T;
  if (Array.isArray(value))
    return value.map(item => fillTemplate(item, params)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        fillTemplate(item, params),
      ]),
    ) as T;
  return value;
}

/** A pull request carrying every label of the generator's filter. */
const labelled = (pull: OpenPullRequest, labels: string[] | undefined) =>
  (labels ?? []).every(label => pull.labels.some(l => l.name === label));

async function openPullRequests(
  ctx: GeneratorContext,
  owner: string,
  repo: string,
): Promise<OpenPullRequest[]> {
  const response = await fetch(
    `${ctx.source.apiUrl}/repos/${owner}/${repo}/pulls?state=open&per_page=100`,
    { headers: { authorization: `token ${ctx.source.token}` } },
  );
  if (!response.ok)
    throw new Error(
      `listing the pull requests of ${owner}/${repo}: HTTP ${response.status}`,
    );
  return (await response.json()) as OpenPullRequest[];
}

/**
 * The objects a Kustomize source renders (from the operator's checkout), moved to the preview namespace; none for a
 * chart, or when the checkout cannot render it (the Application is still shown, with no resources).
 */
async function renderedResources(
  ctx: GeneratorContext,
  app: Obj,
): Promise<RenderedResource[]> {
  const source = app.spec?.source ?? app.spec?.sources?.[0];
  if (typeof source?.path !== 'string' || source.chart || source.helm)
    return [];
  try {
    const { stdout } = await run(
      ctx.sync.kubectlPath,
      ['kustomize', join(ctx.sync.checkout.dir, source.path)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const namespace = app.spec?.destination?.namespace;
    return parseObjects(stdout)
      .filter(object => object.kind !== 'Namespace')
      .map(object => ({
        ...trackedOf(object),
        namespace: namespace ?? object.metadata.namespace,
      }));
  } catch (error) {
    ctx.sync.log(
      `cannot render ${source.path} for ${app.metadata.name}: ${
        (error as Error).message
      }`,
    );
    return [];
  }
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
    pulls = (await openPullRequests(ctx, github.owner, github.repo)).filter(
      pull => labelled(pull, github.labels),
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
    if (live && JSON.stringify(live.spec) === JSON.stringify(app.spec))
      continue;
    const resources = await renderedResources(ctx, app);
    const synced: Obj = {
      ...app,
      status: argoApplicationStatusIn(app, {
        phase: 'healthy',
        revision: ctx.revision,
        branch: ctx.sync.branch,
        at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
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
