import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import type { useConfigRepo } from '../__testUtils__/harness';
import { postgresXrd } from './crossplaneClaim.examples';
import { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
import { createGitopsDecommissionAction } from './decommission';
import { createGitopsPromoteAction } from './promote';
import { createGitopsPullRequestAction } from './pullRequest';
import { createGitopsRollbackAction } from './rollback';
import { createGitopsServiceCreateAction } from './serviceCreate';
import { createGitopsTeamOnboardAction } from './teamOnboard';
import { GitopsActionDeps } from './types';

/*
 * Every action checks its input with the shared field schemas before it reads or writes anything. The config
 * repo's GitHub is unreachable here: an action that got as far as a read would fail with a network error, not
 * with an InputError naming the field.
 */
const deps: GitopsActionDeps = {
  permissions: mockServices.permissions(),
  config: new ConfigReader({
    integrations: {
      github: [
        {
          host: 'github.example.test',
          apiBaseUrl: 'http://127.0.0.1:9',
          token: 'unused',
        },
      ],
    },
  }),
};
const repoUrl = 'github.example.test?owner=acme&repo=gitops-config';
const HUGE = 'p'.repeat(90 * 1024);
const TRAVERSAL = '../../cart-service/overlays/prod';

type TaskContext = Awaited<
  ReturnType<ReturnType<typeof useConfigRepo>['context']>
>['ctx'];
type Run = (input: Record<string, unknown>) => Promise<void>;

const context = (input: Record<string, unknown>): TaskContext =>
  createMockActionContext({ input: { repoUrl, ...input } as JsonObject });

const promote: Run = input =>
  createGitopsPromoteAction(deps).handler(context(input));
const rollback: Run = input =>
  createGitopsRollbackAction(deps).handler(context(input));
const decommission: Run = input =>
  createGitopsDecommissionAction(deps).handler(context(input));
const serviceCreate: Run = input =>
  createGitopsServiceCreateAction(deps).handler(context(input));
const teamOnboard: Run = input =>
  createGitopsTeamOnboardAction(deps).handler(context(input));
const claim: Run = input =>
  createGitopsCrossplaneClaimAction(deps).handler(context(input));
const pullRequest: Run = input =>
  createGitopsPullRequestAction(deps).handler(context(input));

const promotion = { service: 'web', from: 'staging', to: 'prod' };
const newService = {
  name: 'checkout',
  team: 'payments',
  image: 'ghcr.io/acme/checkout',
  environments: [{ name: 'dev', replicas: 1, imageTag: '1.0.0' }],
};
const change = { files: { 'apps/web/x.yaml': 'a: 1\n' } };

describe('action input', () => {
  it.each<[string, Run, Record<string, unknown>, string]>([
    [
      'a traversal as environment',
      promote,
      { ...promotion, to: TRAVERSAL },
      'to: must be a DNS-1123 label',
    ],
    [
      'a NUL byte in an environment',
      promote,
      { ...promotion, from: 'stag\u0000ing' },
      'from: must be a DNS-1123 label',
    ],
    [
      'a 90 KB environment',
      rollback,
      { service: 'web', environment: HUGE },
      'environment: must be a DNS-1123 label',
    ],
    [
      'an image name with a tag',
      promote,
      { ...promotion, images: ['ghcr.io/acme/web:1.0'] },
      'images.0: must be an image repository',
    ],
    [
      'an upper-case service',
      decommission,
      { service: 'Web' },
      'service: must be a DNS-1123 label',
    ],
    [
      'a digest that is no sha256',
      rollback,
      { service: 'web', environment: 'prod', toImageDigest: 'sha256:abc' },
      'toImageDigest: must be an image digest',
    ],
    [
      'a tag with a slash',
      rollback,
      { service: 'web', environment: 'prod', toImageTag: '../1.0' },
      'toImageTag: must be an image tag',
    ],
    [
      'an image with upper case',
      rollback,
      { service: 'web', environment: 'prod', image: 'GHCR.io/acme/web' },
      'image: must be an image repository',
    ],
    [
      'a revision that is a ref name',
      rollback,
      { service: 'web', environment: 'prod', toRevision: 'main~1' },
      'toRevision: must be a commit SHA',
    ],
    [
      'a service image with a tag',
      serviceCreate,
      { ...newService, image: 'ghcr.io/acme/checkout:1.0' },
      'image: must be an image repository',
    ],
    [
      'an environment digest that is no digest',
      serviceCreate,
      {
        ...newService,
        environments: [{ name: 'dev', replicas: 1, imageDigest: 'latest' }],
      },
      'environments.0.imageDigest: must be an image digest',
    ],
    [
      'a chart version range',
      serviceCreate,
      { ...newService, packaging: 'helm', chart: { version: '^1.2.0' } },
      'chart.version: must be an exact semantic version',
    ],
    [
      'a namespace that is a path',
      teamOnboard,
      { team: 'search', environments: ['dev'], namespace: '../kube-system' },
      'namespace: must be a DNS-1123 label',
    ],
    [
      'an environment list with a traversal',
      teamOnboard,
      { team: 'search', environments: ['dev', TRAVERSAL] },
      'environments.1: must be a DNS-1123 label',
    ],
    [
      'a claim name with a space',
      claim,
      { service: 'web', name: 'web db', xrd: postgresXrd },
      'name: must be a DNS-1123 label',
    ],
    [
      'a file path with ..',
      pullRequest,
      { files: { [`${TRAVERSAL}/x.yaml`]: 'a: 1\n' } },
      "must not contain a '..' segment",
    ],
    [
      'an absolute patch path',
      pullRequest,
      { yamlPatches: [{ path: '/etc/passwd', set: { a: 1 } }] },
      'yamlPatches.0.path: must be relative',
    ],
    [
      'a sourcePath with a NUL byte',
      pullRequest,
      { sourcePath: 'out\u0000' },
      'sourcePath: must not contain control characters',
    ],
    [
      'a targetPath with ..',
      pullRequest,
      { sourcePath: 'out', targetPath: '../x' },
      "targetPath: must not contain a '..' segment",
    ],
    [
      'an entityRef shorthand',
      pullRequest,
      { ...change, entityRef: 'web' },
      'entityRef: must be an entity ref',
    ],
    [
      'a title with a line break',
      pullRequest,
      { ...change, title: 'a\nb' },
      'title: must not contain control characters',
    ],
    [
      'a 70 KB description',
      pullRequest,
      { ...change, description: 'd'.repeat(70 * 1024) },
      'description: must be at most 65536 characters',
    ],
    [
      'a 51-character label',
      pullRequest,
      { ...change, labels: ['l'.repeat(51)] },
      'labels.0: must be at most 50 characters',
    ],
  ])(
    'refuses %s with an InputError naming the field',
    async (_case, run, input, message) => {
      const error = await run(input).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(message);
    },
  );

  it('names a file path with .. by its key', async () => {
    const error = await pullRequest({
      files: { [`${TRAVERSAL}/x.yaml`]: 'a: 1\n' },
    }).catch(e => e);
    expect(error.message).toContain(`files.${TRAVERSAL}/x.yaml: `);
  });
});
