import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  clusterConfigEntry,
  startClusters,
} from '../../__testUtils__/clusters';
import {
  clusterPolicyCrd,
  requireLabelPolicy,
} from '../../__testUtils__/kyverno';
import { readGitopsConfig } from '../../config';
import { createPullRequestService } from '../PullRequests';
import { createValidationEstateService } from './createValidationEstateService';

const KUBECTL =
  [resolve(__dirname, '../../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ?? 'kubectl';
const TOKEN = 'estate-test-token';

/** A promotion's validation applies the target environment's cluster estate, through the in-process bridge. */
describe('PullRequestService with the validation estate', () => {
  let dataDir: string;
  let github: GithubEmulator;
  let kube: KubeEmulator;
  let counter = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gitops-estate-'));
    github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
    kube = await startClusters(['staging'], { crds: false });
    // A policy the platform team enforces on the staging cluster only, not kept in the config repo.
    kube
      .cluster('staging')
      .apply([
        clusterPolicyCrd(),
        requireLabelPolicy('tier', 'every Deployment needs a tier label'),
      ]);
  });
  afterAll(async () => {
    await kube?.close();
    await github?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function promoteShop() {
    const repo = `estate-${++counter}`;
    await github.createRepo('acme', repo, {
      files: generateServiceManifests({
        name: 'shop',
        team: 'team-a',
        image: 'ghcr.io/acme/shop',
        environments: [
          { name: 'dev', replicas: 1, imageTag: '1.4.0' },
          { name: 'staging', replicas: 2, imageTag: '1.3.0' },
        ],
        delivery: { engine: 'argocd', repoUrl: github.gitUrl('acme', repo) },
      }),
    });
    const host = new URL(github.url).host;
    const config = {
      integrations: {
        github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
      },
      gitops: {
        configRepo: { host, owner: 'acme', repo, branch: 'main' },
        validation: { kubectlPath: KUBECTL },
        clusters: [clusterConfigEntry(kube.cluster('staging'), 'staging')],
      },
    };
    const logger = mockServices.logger.mock();
    const clusters = readGitopsConfig(new ConfigReader(config)).clusters;
    const service = createPullRequestService({
      config: mockServices.rootConfig({ data: config }),
      logger,
      validationEstate: createValidationEstateService({
        clusterSource: { clusters: () => clusters },
        logger,
      }),
    });
    const promotion = service.promote({
      entityRef: 'component:default/shop',
      service: 'shop',
      from: 'dev',
      to: 'staging',
    });
    return { repo, promotion };
  }

  it('refuses a promotion that breaks a policy found only on the target cluster, naming it', async () => {
    const { promotion } = await promoteShop();

    await expect(promotion).rejects.toThrow(InputError);
    await expect(promotion).rejects.toThrow(
      /ClusterPolicy\/require-tier\/tier-label.*every Deployment needs a tier label/,
    );
  });

  it('opens the pull request and names the cluster whose estate could not be read', async () => {
    const staging = kube.cluster('staging');
    await staging.stop();
    try {
      const { repo, promotion } = await promoteShop();
      const { number } = await promotion;

      const pull = await fetch(
        `${github.url}/repos/acme/${repo}/pulls/${number}`,
        { headers: { authorization: `token ${TOKEN}` } },
      ).then(res => res.json());
      expect(pull.body).toContain(
        'The estate of cluster staging (CRDs, policies) could not be read',
      );
    } finally {
      await staging.start();
    }
  });
});
