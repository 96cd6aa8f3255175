import { execFile } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KUBECTL } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { run } from './run';

describe('gitops-validate', () => {
  let dir = '';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-validate-cli-'));
    for (const [path, text] of Object.entries(seededRepoFiles())) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function runCli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, {
      stdout: t => void (stdout += t),
      stderr: t => void (stderr += t),
    });
    return { code, stdout, stderr };
  }

  it('passes a clean checkout: every overlay and cluster manifest', async () => {
    const { code, stdout } = await runCli([
      '--repo-dir',
      dir,
      '--kubectl',
      KUBECTL,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('ok   apps/web/overlays/prod (2 objects)');
    expect(stdout).toContain('ok   clusters/dev/argocd/web.yaml (1 objects)');
  });

  it('exits 1 and names file and rule on a violation', async () => {
    const path = join(dir, 'apps/web/overlays/dev/kustomization.yaml');
    await writeFile(
      path,
      'resources: [../../base]\nimages:\n  - name: ghcr.io/acme/web\n    newTag: latest\n',
    );
    const { code, stdout } = await runCli([
      '--repo-dir',
      dir,
      '--kubectl',
      KUBECTL,
      '--overlay',
      'apps/web/overlays/dev',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'apps/web/overlays/dev/kustomization.yaml: [immutable-image-tag]',
    );
  });

  /** Writes an app-config file beside the checkout and returns its path. */
  async function appConfig(text: string) {
    const file = join(dir, 'app-config.local.yaml');
    await writeFile(file, text);
    return file;
  }

  it('applies the rule settings of --config (a disabled rule no longer fails)', async () => {
    const overlay = join(dir, 'apps/web/overlays/dev/kustomization.yaml');
    const text = await readFile(overlay, 'utf8');
    await writeFile(overlay, text.replace(/newTag: .*/, 'newTag: latest'));
    const config = await appConfig(
      'gitops:\n  validation:\n    rules:\n      immutable-image-tag: { enabled: false }\n',
    );
    const { code } = await runCli([
      ...['--repo-dir', dir, '--kubectl', KUBECTL],
      ...['--overlay', 'apps/web/overlays/dev', '--config', config],
    ]);
    expect(code).toBe(0);
  });

  it("evaluates the estate's policies from the configured policy paths", async () => {
    await mkdir(join(dir, 'platform/policies'), { recursive: true });
    await writeFile(
      join(dir, 'platform/policies/owner.yaml'),
      [
        'apiVersion: kyverno.io/v1',
        'kind: ClusterPolicy',
        'metadata: { name: owner-label }',
        'spec:',
        '  validationFailureAction: Enforce',
        '  rules:',
        '    - name: needs-owner',
        '      match: { any: [{ resources: { kinds: [Deployment] } }] }',
        '      validate: { message: owner label required, pattern: { metadata: { labels: { owner: "?*" } } } }',
      ].join('\n'),
    );
    const config = await appConfig(
      'gitops:\n  validation:\n    policies: { paths: [platform/policies/] }\n',
    );
    const { code, stdout } = await runCli([
      ...['--repo-dir', dir, '--kubectl', KUBECTL],
      ...['--overlay', 'apps/web/overlays/dev', '--config', config],
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('[kyverno]');
    expect(stdout).toContain('owner label required');
  });

  it('exits 2 naming the key of a bad --config', async () => {
    const config = await appConfig(
      'gitops:\n  validation:\n    rules:\n      no-such-rule: {}\n',
    );
    const { code, stderr } = await runCli([
      ...['--repo-dir', dir, '--config', config],
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('gitops.validation.rules');
  });

  it('prints JSON with --format json', async () => {
    const { code, stdout } = await runCli([
      '--repo-dir',
      dir,
      '--kubectl',
      KUBECTL,
      '--manifests',
      'clusters/prod',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(
      JSON.parse(stdout)
        .manifests.map((m: { path: string }) => m.path)
        .sort(),
    ).toEqual([
      'clusters/prod/argocd/projects/payments.yaml',
      'clusters/prod/argocd/web.yaml',
      'clusters/prod/namespaces/web.yaml',
    ]);
  });

  it('skips symlinked files', async () => {
    await symlink('/etc/hostname', join(dir, 'clusters/dev/link.yaml'));
    const { stdout } = await runCli([
      '--repo-dir',
      dir,
      '--kubectl',
      KUBECTL,
      '--manifests',
      'clusters/dev',
      '--format',
      'json',
    ]);
    expect(stdout).not.toContain('link.yaml');
  });

  it.each([[[]], [['--format', 'xml', '--repo-dir', 'x']], [['--bogus']]])(
    'exits 2 with usage on %j',
    async argv => {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: gitops-validate');
    },
  );

  it('the bin runs the CLI', async () => {
    const bin = join(__dirname, '../../bin/gitops-validate');
    const result = await new Promise<{ code: number; stdout: string }>(
      resolve => {
        execFile(process.execPath, [bin, '--help'], (error, stdout) =>
          resolve({
            code: error ? Number((error as { code?: number }).code) : 0,
            stdout,
          }),
        );
      },
    );
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringContaining('--repo-dir DIR'),
    });
  });
});
