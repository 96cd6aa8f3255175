import { InputError } from '@backstage/errors';
import { stringify } from 'yaml';
import { KUBECTL, useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { ConfigRepoChange } from '../changes/types';
import { openConfigRepoPullRequest } from '../pullRequests/openConfigRepoPullRequest';

/*
 * The estate's own policies, read from the config repo's `policies/` at the base branch, through the whole
 * writer against the GitHub emulator: a Deny policy refuses the change by name, a Warn policy lets it through
 * and the PR body lists the finding.
 */
const BRANCH = 'gitops/test/web-dev-scale';

/** A ValidatingAdmissionPolicy capping Deployment replicas at 2, bound with the given actions. */
function replicaCapPolicy(validationActions: string[]): string {
  const policy = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'replica-cap' },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: ['apps'],
            apiVersions: ['v1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['deployments'],
          },
        ],
      },
      validations: [
        {
          expression: 'object.spec.replicas <= 2',
          message: 'at most 2 replicas outside prod',
        },
      ],
    },
  };
  const binding = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'replica-cap-dev' },
    spec: {
      policyName: 'replica-cap',
      validationActions,
      matchResources: {
        namespaceSelector: {
          matchLabels: { 'kubernetes.io/metadata.name': 'web' },
        },
      },
    },
  };
  return `${stringify(policy)}---\n${stringify(binding)}`;
}

const scaleDevTo5: ConfigRepoChange = {
  yamlEdits: [
    {
      path: 'apps/web/overlays/dev/kustomization.yaml',
      edit: doc => doc.setIn(['replicas', 0, 'count'], 5),
    },
  ],
};

const validate = {
  kubectlPath: KUBECTL,
  policies: { enabled: true, paths: ['policies/'] },
};

describe('openConfigRepoPullRequest with the estate policies', () => {
  const github = useGithub();

  it('refuses a change a Deny policy forbids, naming the policy; nothing is pushed', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'policies/replica-cap.yaml': replicaCapPolicy(['Deny']),
    });
    const { octokit, calls } = await github.client();
    const error = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 'Scale web in dev',
      change: scaleDevTo5,
      validate,
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      '[validating-admission-policy ValidatingAdmissionPolicy/replica-cap (binding replica-cap-dev)] Deployment/web at most 2 replicas outside prod',
    );
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await github.pulls(id)).toHaveLength(0);
  });

  it('opens the PR under a Warn policy and lists the finding with the policy name in its body', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'policies/replica-cap.yaml': replicaCapPolicy(['Warn']),
    });
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: BRANCH,
      title: 'Scale web in dev',
      change: scaleDevTo5,
      validate,
    });
    expect(result.status).toBe('opened');
    expect(result.validation.ok).toBe(true);
    const [pull] = await github.pulls(id);
    expect(pull.body).toContain(
      '| ⚠️ warning | `apps/web/base/workload.yaml` | Deployment/web | `validating-admission-policy` | `ValidatingAdmissionPolicy/replica-cap (binding replica-cap-dev)` | Deployment/web at most 2 replicas outside prod |',
    );
  });
});
