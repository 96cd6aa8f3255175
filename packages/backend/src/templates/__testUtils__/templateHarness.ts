import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import { GithubEmulator } from '@internal/github-emulator';
import gitopsPlugin from '@gitops-portal/plugin-gitops-backend';
import scaffolderModuleGitops from '@gitops-portal/plugin-scaffolder-backend-module-gitops';
import { SandboxServices, startSandboxServices } from '@internal/sandbox';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  demoEntities,
  readTemplateEntity,
  templatePaths,
} from './catalogEntities';
import {
  BuildOptions,
  BuiltCheckout,
  cloneAndBuild,
  KUBECTL,
} from './configRepoCheckout';
import {
  createScaffolderClient,
  DryRunResult,
  JsonObject,
  TaskResult,
} from './scaffolderClient';

/** The sandbox's config repo (packages/sandbox/src/demo/environments.ts). */
export const CONFIG_REPO = { owner: 'acme', repo: 'gitops-config' };

const RANDOM_PORTS = { github: 0, kubeControl: 0, kubeFirstCluster: 0 };

/** A pull request as the github-emulator lists it. */
export interface PullRequestSummary {
  number: number;
  title: string;
  state: string;
  html_url: string;
  body: string | null;
  head: { ref: string };
}

export interface TemplateHarness {
  /** The sandbox's GitHub emulator, holding the seeded `acme/gitops-config`. */
  readonly github: GithubEmulator;
  /** The config repo in the RepoUrlPicker format the templates take (`<emulator host>?owner=acme&repo=gitops-config`). */
  readonly repoUrl: string;
  /** The template entity of `templates/<name>/template.yaml`, as the catalog holds it. */
  template(templatePath: string): Entity;
  /** POST /api/scaffolder/v2/dry-run with the template file, `values` and optional workspace files. */
  dryRun(
    templatePath: string,
    values: JsonObject,
    directoryContents?: Record<string, string>,
    secrets?: Record<string, string>,
  ): Promise<DryRunResult>;
  /** A real task from the catalog's template (POST /api/scaffolder/v2/tasks), followed to its end; `secrets`: the Secret fields. */
  run(
    templatePath: string,
    values: JsonObject,
    secrets?: Record<string, string>,
  ): Promise<TaskResult>;
  /** Clones `branch` (a PR's head, e.g. `task.output.branch`) and renders its overlays and charts (default: all). */
  cloneAndBuildOverlays(
    branch: string,
    options?: BuildOptions,
  ): Promise<BuiltCheckout>;
  /** The config repo's pull requests, newest first. */
  pullRequests(): Promise<PullRequestSummary[]>;
  /** The config repo's branches and their head commits (to show a dry run wrote nothing). */
  branches(): Promise<Record<string, string>>;
  /** GET /api/gitops/xrds: the XRDs the GitopsCrossplaneClaim field offers, once the reconciler has listed them. */
  xrds(): Promise<JsonObject[]>;
  /** GET on the emulator's GitHub API with the sandbox's token (`/repos/acme/gitops-config/...`). */
  githubApi(path: string): Promise<any>;
  /** The targets `catalog:register` added, in order (the in-memory catalog records them; it does not ingest). */
  registeredLocations(): string[];
}

/**
 * Jest hooks for one test file: the sandbox's emulators (the seeded config repo, the clusters serving the demo XRDs)
 * and a test backend with the scaffolder, its GitHub module, our gitops module and the gitops backend, configured
 * as the sandbox configures the portal. The catalog holds the demo org and services and the given templates
 * (default: every `templates/<name>/template.yaml`). Tasks run as `user:default/alice` (payments).
 */
export function useTemplateHarness(
  options: { templates?: string[] } = {},
): TemplateHarness {
  let tmp = '';
  let sandbox: SandboxServices | undefined;
  let backend: { stop(): Promise<void> } | undefined;
  let baseUrl = '';
  let token = '';
  let clones = 0;
  const templates = new Map<string, Entity>();
  const registeredLocations: string[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'template-harness-'));
    // No Argo CD/Flux stand-in: templates only open PRs, and nothing but the scaffolder may write to the repo.
    sandbox = await startSandboxServices(
      join(tmp, 'sandbox'),
      RANDOM_PORTS,
      false,
    );
    const config = parse(await readFile(sandbox.configPath, 'utf8'));
    token = config.integrations.github[0].token;
    for (const path of options.templates ?? templatePaths()) {
      templates.set(path, readTemplateEntity(path));
    }
    const started = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGithub,
        scaffolderModuleGitops,
        gitopsPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => {
            const catalog = catalogServiceMock({
              entities: [...demoEntities(), ...templates.values()],
            });
            // catalog:register (new-service) adds a location; the in-memory catalog has no addLocation of its own.
            catalog.addLocation = async location => {
              if (!location.dryRun) registeredLocations.push(location.target);
              const id = `location-${registeredLocations.length}`;
              return {
                location: {
                  id,
                  type: location.type ?? 'url',
                  target: location.target,
                  entityRef: `location:default/${id}`,
                },
                entities: [],
                exists: false,
              };
            };
            return catalog;
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            gitops: {
              ...config.gitops,
              validation: { kubectlPath: KUBECTL },
            },
          },
        }),
      ],
    });
    backend = started;
    const { port } = started.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await backend?.stop();
    await sandbox?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const scaffolder = () => createScaffolderClient(baseUrl);
  const github = () => {
    if (!sandbox) throw new Error('The template harness has not started');
    return sandbox.github;
  };
  const template = (path: string) => {
    const entity = templates.get(path);
    if (!entity) {
      throw new Error(`${path} is not one of the harness's templates`);
    }
    return entity;
  };
  const githubApi = async (path: string) => {
    const response = await fetch(`${github().apiUrl}${path}`, {
      headers: { authorization: `token ${token}` },
    });
    if (!response.ok) {
      throw new Error(`GET ${path} failed with ${response.status}`);
    }
    return response.json();
  };
  const repoPath = `/repos/${CONFIG_REPO.owner}/${CONFIG_REPO.repo}`;

  return {
    get github() {
      return github();
    },
    get repoUrl() {
      const host = new URL(github().url).host;
      return `${host}?owner=${CONFIG_REPO.owner}&repo=${CONFIG_REPO.repo}`;
    },
    template,
    dryRun: (path, values, directoryContents, secrets) =>
      scaffolder().dryRun(template(path), values, directoryContents, secrets),
    run: (path, values, secrets) =>
      scaffolder().run(stringifyEntityRef(template(path)), values, secrets),
    cloneAndBuildOverlays: (branch, buildOptions) =>
      cloneAndBuild(
        github().gitUrl(CONFIG_REPO.owner, CONFIG_REPO.repo),
        branch,
        join(tmp, `clone-${++clones}`),
        buildOptions,
      ),
    pullRequests: () =>
      githubApi(`${repoPath}/pulls?state=all&per_page=100`).then(
        (pulls: PullRequestSummary[]) =>
          [...pulls].sort((a, b) => b.number - a.number),
      ),
    branches: () =>
      githubApi(`${repoPath}/branches?per_page=100`).then(
        (branches: Array<{ name: string; commit: { sha: string } }>) =>
          Object.fromEntries(branches.map(b => [b.name, b.commit.sha])),
      ),
    async xrds() {
      for (;;) {
        const response = await fetch(`${baseUrl}/api/gitops/xrds`, {
          headers: { authorization: mockCredentials.user.header() },
        });
        const body = await response.json();
        if (response.ok && body.items?.length) return body.items;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    },
    githubApi,
    registeredLocations: () => [...registeredLocations],
  };
}
