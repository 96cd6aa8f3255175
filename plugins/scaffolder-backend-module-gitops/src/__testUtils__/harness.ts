import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { runIsolated } from '@internal/github-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { Octokit } from '@octokit/rest';
import yaml from 'yaml';
import { GitopsActionDeps } from '../actions/types';
import { EmulatorProcess, startEmulatorProcess } from './emulatorProcess';

export const TOKEN = 'ghs_scaffolder-test-token-0123456789';
export const OWNER = 'acme';
export const KUBECTL = join(
  __dirname,
  '../../../../.tools/kubectl/kubectl/kubectl',
);
export const HELM = join(__dirname, '../../../../.tools/kubectl/helm/helm');

/** The sandbox's `web` service: three environments, one Argo CD Application each. */
export function seededRepoFiles(): Record<string, string> {
  return {
    'README.md': '# gitops-config\n',
    ...generateServiceManifests({
      name: 'web',
      team: 'payments',
      image: 'ghcr.io/acme/web',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '1.4.0' },
        { name: 'staging', replicas: 2, imageTag: '1.3.2' },
        { name: 'prod', replicas: 3, imageTag: '1.3.1' },
      ],
      delivery: {
        engine: 'argocd',
        repoUrl: 'https://github.com/acme/gitops-config',
      },
    }),
  };
}

/** Runs a command without a shell, isolated from the machine's git config. */
export function run(file: string, args: string[], cwd?: string) {
  return runIsolated(file, args, { cwd });
}

/**
 * Waits until the clock is in its next second. Commit timestamps have
 * one-second resolution, so a rerun of the same change within the second of
 * the first run writes the very commit the first run wrote, which the writer
 * must take for its own earlier attempt (a create whose answer was lost).
 * The production client spaces writes a second apart, so a rerun's commit is
 * always in a later second; these tests run without that pause (see
 * `setupTests.ts`), and a test of a rerun waits here instead.
 */
export function nextSecond(): Promise<void> {
  // A few milliseconds past the boundary: timers may fire a millisecond early.
  return new Promise(done => setTimeout(done, 1005 - (Date.now() % 1000)));
}

/** A checkpoint store like the task database: a key's first result is replayed. */
export function checkpointStore() {
  const values = new Map<string, unknown>();
  return {
    values,
    checkpoint: (async ({ key, fn }: { key: string; fn: () => any }) => {
      if (!values.has(key)) values.set(key, await fn());
      return values.get(key);
    }) as ActionContext<any, any>['checkpoint'],
  };
}

/**
 * One emulator (in its own process) per test file, a fresh seeded repo per
 * test that writes, one shared repo for the tests that must write nothing,
 * real clones and kustomize.
 */
export function useConfigRepo() {
  let emulator: EmulatorProcess | undefined;
  let tmp = '';
  let counter = 0;
  let untouched: Promise<{ repo: string; repoUrl: string }> | undefined;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'scaffolder-gitops-test-'));
    emulator = await startEmulatorProcess({
      dataDir: join(tmp, 'data'),
      tokens: [TOKEN],
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const host = () => new URL(emulator!.url).host;

  const harness = {
    get emulator(): EmulatorProcess {
      return emulator!;
    },
    get tmp() {
      return tmp;
    },
    /** Every decision ALLOW unless `permissions` is given (see `ownershipPermissions`). */
    deps(
      permissions: PermissionsService = mockServices.permissions(),
    ): GitopsActionDeps {
      return {
        permissions,
        config: new ConfigReader({
          integrations: {
            github: [
              { host: host(), apiBaseUrl: emulator!.apiUrl, token: TOKEN },
            ],
          },
          // helm renders only Helm-packaged services' overlays.
          gitops: { validation: { kubectlPath: KUBECTL, helmPath: HELM } },
        }),
      };
    },
    /** A new repo seeded with the `web` service (plus `extra` files); returns its RepoUrlPicker value. */
    async newRepo(extra: Record<string, string> = {}) {
      const repo = `config-${++counter}`;
      await emulator!.createRepo(OWNER, repo, {
        files: { ...seededRepoFiles(), ...extra },
      });
      return { repo, repoUrl: `${host()}?owner=${OWNER}&repo=${repo}` };
    },
    /**
     * The seeded repo of the file's tests that must change nothing (refusals,
     * dry runs): created once. No test writes to it on purpose, so each such
     * test's own check that it has no pull request or branch stays meaningful.
     */
    untouchedRepo() {
      untouched ??= harness.newRepo();
      return untouched;
    },
    octokit(): Octokit {
      return new Octokit({ auth: TOKEN, baseUrl: emulator!.url });
    },
    /** The files a pull request changes, with their patches. */
    async pullFiles(repo: string, pullNumber: number) {
      const { data } = await harness.octokit().pulls.listFiles({
        owner: OWNER,
        repo,
        pull_number: pullNumber,
      });
      return data;
    },
    async pulls(repo: string): Promise<
      Array<{
        number: number;
        title: string;
        html_url: string;
        body: string | null;
      }>
    > {
      const { data } = await harness
        .octokit()
        .pulls.list({ owner: OWNER, repo, state: 'all' });
      return data;
    },
    /**
     * A mock context with a real workspace dir and a recorded output map.
     * The input is untyped on purpose: like the task runner, tests pass raw
     * JSON (bad input included) that the handler must check itself.
     */
    async context(
      input: Record<string, any>,
      overrides: Partial<ActionContext<any, any>> = {},
    ) {
      const outputs: Record<string, unknown> = {};
      const workspacePath = await mkdtemp(join(tmp, 'workspace-'));
      // The mock only takes input/workspace/logger; output, checkpoint and isDryRun are set here.
      const ctx: ActionContext<any, any> = {
        ...createMockActionContext({ input, workspacePath }),
        output: (name: string, value: unknown) => {
          outputs[name] = value;
        },
        ...overrides,
      };
      return { ctx, outputs };
    },
    /** Clones `branch`; returns the clone's directory. */
    async clone(repo: string, branch: string) {
      const dir = join(tmp, `clone-${++counter}`);
      await run('git', [
        'clone',
        '--quiet',
        '--branch',
        branch,
        emulator!.gitUrl(OWNER, repo),
        dir,
      ]);
      return dir;
    },
    /** `kubectl kustomize` of every overlay a change touched, in a clone of its branch. */
    async renderTouchedOverlays(repo: string, branch: string, files: string[]) {
      const dir = await harness.clone(repo, branch);
      const overlays = [
        ...new Set(
          files
            .map(f => f.match(/^(apps\/[^/]+\/overlays\/[^/]+)\//)?.[1])
            .filter((o): o is string => !!o),
        ),
      ];
      const rendered: Record<string, string> = {};
      for (const overlay of overlays) {
        rendered[overlay] = await run(KUBECTL, ['kustomize', overlay], dir);
      }
      return { dir, rendered };
    },
  };
  return harness;
}

/** The `input` of each example's single step, for `it.each`. */
export function exampleInputs(
  examples: Array<{ description: string; example: string }>,
): Array<[string, Record<string, any>]> {
  return examples.map(({ description, example }) => {
    const parsed = yaml.parse(example) as {
      steps: Array<{ input: Record<string, any> }>;
    };
    return [description, parsed.steps[0].input];
  });
}
