import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import {
  createConfigRepoReader,
  createGithubClient,
} from '@gitops-portal/plugin-gitops-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  mergeHelmValues,
  readDeliveredVersion,
  readValuesVersion,
  repoDir,
} from './readDeliveredVersion';

const TOKEN = 'delivered-version-token';
const REPO = { owner: 'acme', repo: 'config' };

const deployment = (image: string) =>
  stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop' },
    spec: { template: { spec: { containers: [{ name: 'shop', image }] } } },
  });

/** One config repo holding every layout the pipeline reads a version from. */
const FILES = {
  'kustomize/base/kustomization.yaml': stringify({
    resources: ['deployment.yaml', 'https://github.com/acme/remote//base'],
  }),
  'kustomize/base/deployment.yaml': deployment('ghcr.io/acme/shop:0.0.0'),
  'kustomize/overlays/prod/kustomization.yaml': stringify({
    resources: ['../../base'],
    images: [{ name: 'ghcr.io/acme/shop', newTag: '1.3.1' }],
  }),
  'plain/deployment.yaml': deployment('ghcr.io/acme/shop:2.0.0@sha256:aa'),
  'plain/nested/ignored.yaml': deployment('ghcr.io/acme/other:9'),
  'chart/Chart.yaml': stringify({
    apiVersion: 'v2',
    name: 'shop',
    version: '0.4.2',
  }),
  'chart/values.yaml': stringify({
    image: { repository: 'ghcr.io/acme/shop', tag: '1.4.0' },
  }),
  // Values a remote chart reads from the config repo (`$values/...`): shared, then one environment's.
  'values/shared.yaml': stringify({
    image: { repository: 'ghcr.io/acme/relay', tag: '1.0.0' },
    replicaCount: 2,
  }),
  'values/staging.yaml': stringify({ image: { tag: '1.4.0' } }),
  'values/pinned.yaml': stringify({
    image: { tag: 1.5, digest: 'sha256:bb' },
  }),
  'values/no-image.yaml': stringify({ replicaCount: 3 }),
};

let dataDir: string;
let github: GithubEmulator;
let sha: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-delivered-version-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo(REPO.owner, REPO.repo, { files: FILES });
  const response = await fetch(`${github.url}/repos/acme/config/commits/main`, {
    headers: { authorization: `token ${TOKEN}` },
  });
  sha = (await response.json()).sha;
});

afterAll(async () => {
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('readDeliveredVersion', () => {
  it.each([
    [
      'a kustomize overlay retagging its base (remote bases skipped)',
      './kustomize/overlays/prod/',
      { images: [{ name: 'ghcr.io/acme/shop', tag: '1.3.1' }], charts: [] },
    ],
    [
      'a plain directory of manifests (its own files only)',
      'plain',
      {
        images: [
          { name: 'ghcr.io/acme/shop', tag: '2.0.0', digest: 'sha256:aa' },
        ],
        charts: [],
      },
    ],
    [
      'a Helm chart directory',
      'chart',
      {
        images: [{ name: 'ghcr.io/acme/shop', tag: '1.4.0' }],
        charts: [{ name: 'shop', version: '0.4.2' }],
      },
    ],
    ['a directory the commit lacks', 'missing', { images: [], charts: [] }],
  ])('reads %s', async (_, dir, expected) => {
    const octokit = await createGithubClient({
      baseUrl: github.url,
      token: TOKEN,
    });
    const reader = createConfigRepoReader(octokit, REPO);
    expect(await readDeliveredVersion(reader, repoDir(dir), sha)).toEqual(
      expected,
    );
  });
});

describe('readValuesVersion', () => {
  it.each([
    [
      'one values file',
      ['values/shared.yaml'],
      [{ name: 'ghcr.io/acme/relay', tag: '1.0.0' }],
    ],
    [
      "an environment's file over the shared one (Helm's order: later wins)",
      ['values/shared.yaml', 'values/staging.yaml'],
      [{ name: 'ghcr.io/acme/relay', tag: '1.4.0' }],
    ],
    [
      'a numeric tag and a digest',
      ['values/shared.yaml', 'values/pinned.yaml'],
      [{ name: 'ghcr.io/acme/relay', tag: '1.5', digest: 'sha256:bb' }],
    ],
    [
      'files the commit lacks skipped',
      ['values/missing.yaml', 'values/shared.yaml'],
      [{ name: 'ghcr.io/acme/relay', tag: '1.0.0' }],
    ],
    ['values naming no image', ['values/no-image.yaml'], []],
  ])('reads %s', async (_, files, images) => {
    const octokit = await createGithubClient({
      baseUrl: github.url,
      token: TOKEN,
    });
    const reader = createConfigRepoReader(octokit, REPO);
    expect(await readValuesVersion(reader, files, sha)).toEqual({
      images,
      charts: [],
    });
  });
});

describe('mergeHelmValues', () => {
  it.each([
    [
      'maps key by key',
      [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }],
      { a: { b: 1, c: 3 } },
    ],
    ['lists replaced', [{ a: [1, 2] }, { a: [3] }], { a: [3] }],
    ['a scalar over a map', [{ a: { b: 1 } }, { a: 'x' }], { a: 'x' }],
    ['empty files ignored', [undefined, null, { a: 1 }], { a: 1 }],
  ])('merges %s', (_, files, expected) => {
    expect(mergeHelmValues(files)).toEqual(expected);
  });

  it("keeps a file's __proto__ key off the merged values' prototype", () => {
    const merged = mergeHelmValues([
      { a: 1 },
      JSON.parse('{"__proto__": {"image": {"tag": "x"}}}'),
    ]);
    expect(merged.image).toBeUndefined();
  });
});

describe('repoDir', () => {
  it.each([
    ['./apps/shop/overlays/dev', 'apps/shop/overlays/dev'],
    ['apps/shop/overlays/dev/', 'apps/shop/overlays/dev'],
    ['apps/shop/base/../overlays/dev', 'apps/shop/overlays/dev'],
    ['./', ''],
  ])('writes %s as %s', (path, expected) => {
    expect(repoDir(path)).toBe(expected);
  });
});
