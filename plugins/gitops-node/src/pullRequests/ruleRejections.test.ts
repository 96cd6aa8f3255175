import { InputError } from '@backstage/errors';
import { Document } from 'yaml';
import { KUBECTL, useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { ConfigRepoChange } from '../changes/types';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

const BRANCH = 'gitops/test/web-dev';
const plaintextSecret =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2-secret-value\n';
const addResource = (name: string) => ({
  path: 'apps/web/base/kustomization.yaml',
  edit: (doc: Document) => {
    (doc.get('resources') as { add(v: string): void }).add(name);
  },
});

/** Every rule failing: the change, the file the error must name, and the rule. */
const RULE_CASES: Array<[string, ConfigRepoChange, string]> = [
  [
    'resources-limits',
    {
      yamlEdits: [
        {
          path: 'apps/web/base/workload.yaml',
          edit: doc =>
            doc.deleteIn([
              'spec',
              'template',
              'spec',
              'containers',
              0,
              'resources',
              'limits',
            ]),
        },
      ],
    },
    'apps/web/base/workload.yaml',
  ],
  [
    'immutable-image-tag',
    {
      yamlEdits: [
        {
          path: 'apps/web/overlays/dev/kustomization.yaml',
          edit: doc => doc.setIn(['images', 0, 'newTag'], 'latest'),
        },
      ],
    },
    'apps/web/overlays/dev/kustomization.yaml',
  ],
  [
    'no-plaintext-secret',
    {
      files: { 'apps/web/base/secret.yaml': plaintextSecret },
      yamlEdits: [addResource('secret.yaml')],
    },
    'apps/web/base/secret.yaml',
  ],
  [
    'team-env-labels',
    {
      yamlEdits: [
        {
          path: 'apps/web/base/kustomization.yaml',
          edit: doc => doc.delete('labels'),
        },
      ],
    },
    'apps/web/base/workload.yaml',
  ],
  [
    'dns1123-names',
    {
      files: {
        'apps/web/base/config.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web_Config\ndata:\n  a: b\n',
      },
      yamlEdits: [addResource('config.yaml')],
    },
    'apps/web/base/config.yaml',
  ],
  [
    'schema',
    {
      files: {
        'clusters/dev/argocd/broken.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {}\n',
      },
    },
    'clusters/dev/argocd/broken.yaml',
  ],
  [
    'render',
    { yamlEdits: [addResource('missing.yaml')] },
    'apps/web/overlays/dev/kustomization.yaml',
  ],
  [
    'render',
    {
      yamlEdits: [
        addResource('https://github.com/evil/manifests//base?ref=main'),
      ],
    },
    'apps/web/base/kustomization.yaml',
  ],
];

describe('openConfigRepoPullRequest: failing validation', () => {
  const github = useGithub();

  async function expectNothingPushed(
    id: { owner: string; repo: string },
    mainBefore: string | undefined,
    calls: string[],
  ) {
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await github.headOf(id, BRANCH)).toBeUndefined();
    expect(await github.headOf(id, 'main')).toBe(mainBefore);
    expect(await github.pulls(id)).toHaveLength(0);
  }

  it.each(RULE_CASES)(
    'rule %s failing is an InputError naming file and rule; nothing is pushed (case %#)',
    async (rule, change, file) => {
      const id = await github.newRepo(seededRepoFiles());
      const mainBefore = await github.headOf(id, 'main');
      const { octokit, calls } = await github.client();
      const error = await openConfigRepoPullRequest({
        octokit,
        ...id,
        branch: BRANCH,
        title: 't',
        change,
        validate: { kubectlPath: KUBECTL },
      }).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`${file}: [${rule}]`);
      await expectNothingPushed(id, mainBefore, calls);
    },
  );

  it('a plaintext Secret in a changed file no overlay renders is refused without its value', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const error = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 't',
      change: {
        files: { 'apps/web/base/unused-secret.yaml': plaintextSecret },
      },
      validate: { kubectlPath: KUBECTL },
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      'apps/web/base/unused-secret.yaml: [no-plaintext-secret]',
    );
    expect(error.message).not.toContain('hunter2');
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
  });
});
