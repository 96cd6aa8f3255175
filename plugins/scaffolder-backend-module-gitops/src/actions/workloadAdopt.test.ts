import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import yaml from 'yaml';
import {
  ADOPT_NAMESPACE,
  authoredLegacyDeployment,
  LEGACY_DB_PASSWORD,
  UNBOUNDED_NAMESPACE,
  useAdoptionBackend,
} from '../__testUtils__/adoptionBackend';
import { OWNER, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsWorkloadAdoptAction } from './workloadAdopt';

/*
 * gitops:workload:adopt against both emulators: the legacy namespace in a kube-emulator cluster read by a real
 * gitops backend over HTTP, the pull request in the github-emulator's config repo, validated on the way.
 */

const request = {
  cluster: 'dev',
  namespace: ADOPT_NAMESPACE,
  service: 'legacy',
  team: 'payments',
  environment: 'dev',
};

describe('gitops:workload:adopt', () => {
  const github = useConfigRepo();
  const backend = useAdoptionBackend();
  const action = () =>
    createGitopsWorkloadAdoptAction({ ...github.deps(), ...backend.deps() });

  /** Runs the action on a new repo; returns the branch's files. */
  async function adopt(input: Record<string, unknown>) {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({ ...input, repoUrl });
    await action().handler(ctx);
    const read = async (path: string) => {
      const { data } = await github.octokit().repos.getContent({
        owner: OWNER,
        repo,
        path,
        ref: outputs.branch as string,
      });
      return Buffer.from(
        (data as { content: string }).content,
        'base64',
      ).toString();
    };
    return { repo, outputs, read };
  }

  it('opens a pull request with the namespace’s objects as the manifests their team wrote', async () => {
    const { outputs, read } = await adopt(request);
    expect(outputs.status).toBe('opened');
    expect(
      yaml.parse(await read('apps/legacy/overlays/dev/deployment-legacy.yaml')),
    ).toEqual(authoredLegacyDeployment());
    expect(
      yaml.parse(await read('apps/legacy/overlays/dev/service-legacy.yaml'))
        .spec,
    ).toEqual({
      selector: { app: 'legacy' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    expect(
      yaml.parse(await read('apps/legacy/overlays/dev/kustomization.yaml'))
        .resources,
    ).toEqual([
      'configmap-legacy-settings.yaml',
      'deployment-legacy.yaml',
      'service-legacy.yaml',
    ]);
  });

  it('adds the Argo CD Application that manages them, labelled for the service’s entity', async () => {
    const { outputs, read } = await adopt(request);
    const application = yaml.parse(
      await read('clusters/dev/argocd/legacy.yaml'),
    );
    expect(application).toMatchObject({
      kind: 'Application',
      metadata: {
        name: 'legacy-dev',
        labels: { 'backstage.io/kubernetes-id': 'legacy', team: 'payments' },
      },
      spec: {
        source: { path: 'apps/legacy/overlays/dev', targetRevision: 'main' },
        destination: { namespace: ADOPT_NAMESPACE },
      },
    });
    expect(outputs.changedFiles).toContain('clusters/dev/argocd/legacy.yaml');
  });

  it('labels every adopted object with its team and environment, selectors untouched', async () => {
    const { read } = await adopt(request);
    expect(
      yaml.parse(await read('apps/legacy/overlays/dev/kustomization.yaml'))
        .labels,
    ).toEqual([
      { pairs: { team: 'payments', env: 'dev' }, includeSelectors: false },
    ]);
  });

  it('refuses the Secret: named in the pull request with the add-secret template, its value nowhere', async () => {
    const { repo, outputs } = await adopt(request);
    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain('Secret `legacy-db`');
    expect(pull.body).toContain('templates/add-secret');
    expect(outputs.changedFiles).not.toContainEqual(
      expect.stringContaining('secret'),
    );
    const patches = await github.pullFiles(repo, pull.number);
    const everything = JSON.stringify([pull, patches, outputs]);
    expect(everything).not.toContain(LEGACY_DB_PASSWORD);
    expect(everything).not.toContain(
      Buffer.from(LEGACY_DB_PASSWORD).toString('base64'),
    );
  });

  it('writes a Flux Kustomization and the layout a path template names', async () => {
    const { outputs, read } = await adopt({
      ...request,
      engine: 'flux',
      pathTemplate: '{env}/{service}/',
    });
    expect(outputs.changedFiles).toContain('dev/legacy/deployment-legacy.yaml');
    expect(
      yaml.parse(await read('clusters/dev/flux/legacy.yaml')),
    ).toMatchObject({
      kind: 'Kustomization',
      spec: {
        path: './dev/legacy',
        targetNamespace: ADOPT_NAMESPACE,
        sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
      },
    });
  });

  it('in a dry run lists the files and writes nothing', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx, outputs } = await github.context(
      { ...request, repoUrl },
      { isDryRun: true },
    );
    await action().handler(ctx);
    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toContain(
      'apps/legacy/overlays/dev/deployment-legacy.yaml',
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a path template with ..',
      { pathTemplate: 'apps/../{service}/{env}/' },
      /pathTemplate: /,
    ],
    [
      'a path template without {service}',
      { pathTemplate: 'apps/{env}/' },
      /pathTemplate: .*include \{service\}/,
    ],
    [
      'a path template naming a file',
      { pathTemplate: 'apps/{service}/{env}.yaml' },
      /pathTemplate: .*end it in \//,
    ],
    [
      'a workload kind without a name',
      { workloadKind: 'Deployment' },
      /workloadName: workloadKind and workloadName are given together/,
    ],
    [
      'a cluster the backend does not know',
      { cluster: 'nowhere' },
      /cluster: nowhere is no configured cluster/,
    ],
    [
      'a workload the namespace does not have',
      { workloadKind: 'StatefulSet', workloadName: 'legacy' },
      /StatefulSet legacy\/legacy is not in cluster dev/,
    ],
    [
      'a workload the portal’s policy refuses (no resource limits)',
      { namespace: UNBOUNDED_NAMESPACE, service: 'unbounded' },
      /fails validation:\n.*\[resources-limits\] Deployment\/unbounded/,
    ],
    [
      'a service folder that exists',
      { service: 'web' },
      /service: apps\/web\/overlays\/dev\/ exists in the config repo already/,
    ],
  ])('refuses %s and opens nothing', async (_what, change, message) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...request, ...change, repoUrl });
    await expect(action().handler(ctx)).rejects.toThrow(message);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('refuses bad input as an InputError', async () => {
    const { repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      ...request,
      cluster: 'nowhere',
      repoUrl,
    });
    await expect(action().handler(ctx)).rejects.toBeInstanceOf(InputError);
  });
});

describe('gitops:workload:adopt for an initiator who may not read the namespace', () => {
  const github = useConfigRepo();
  const backend = useAdoptionBackend(AuthorizeResult.DENY);

  it('is refused by the backend and opens nothing', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...request, repoUrl });
    const run = createGitopsWorkloadAdoptAction({
      ...github.deps(),
      ...backend.deps(),
    }).handler(ctx);
    await expect(run).rejects.toBeInstanceOf(NotAllowedError);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
