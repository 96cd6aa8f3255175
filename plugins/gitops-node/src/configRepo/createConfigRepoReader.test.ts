import { ConfigReader } from '@backstage/config';
import { useGithub } from '../__testUtils__/harness';
import { createConfigRepoReader } from './createConfigRepoReader';
import { readConfigRepoLocation } from './readConfigRepoLocation';

const FILES = {
  'README.md': '# config\n',
  'apps/web/base/kustomization.yaml': 'resources: []\n',
  'apps/web/overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\n',
  'apps/web-api/base/kustomization.yaml': 'resources: []\n',
  'clusters/dev/argocd/web.yaml': 'kind: Application\n',
  'clusters/prod/argocd/web-appset.yaml': 'kind: ApplicationSet\n',
  'clusters/dev/argocd/web-previews.yaml': 'kind: ApplicationSet\n',
  'clusters/dev/argocd/web-api.yaml': 'kind: Application\n',
  'clusters/dev/argocd/projects/payments.yaml': 'kind: AppProject\n',
};

describe('createConfigRepoReader', () => {
  const github = useGithub();

  async function reader() {
    const id = await github.newRepo(FILES);
    const { octokit } = await github.client();
    return createConfigRepoReader(octokit, id);
  }

  it.each([
    ['a file', 'apps/web/base/kustomization.yaml', 'resources: []\n'],
    ['a missing file', 'apps/web/overlays/prod/kustomization.yaml', undefined],
    ['a directory', 'apps/web/base', undefined],
  ])('reads %s as its text, or undefined', async (_case, path, text) => {
    expect(await (await reader()).readFile(path, 'main')).toBe(text);
  });

  it('lists every blob and tree of a ref with the root tree sha', async () => {
    const { entries, sha } = await (await reader()).readTree('main');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(
      entries
        .filter(e => e.type === 'blob')
        .map(e => e.path)
        .sort(),
    ).toEqual(Object.keys(FILES).sort());
    expect(entries).toContainEqual(
      expect.objectContaining({ path: 'apps/web', type: 'tree' }),
    );
  });

  it('lists the files under a directory, not those of a sibling with the same prefix', async () => {
    const files = await (await reader()).listFiles('apps/web', 'main');
    expect(files.map(f => f.path).sort()).toEqual([
      'apps/web/base/kustomization.yaml',
      'apps/web/overlays/dev/kustomization.yaml',
    ]);
  });

  it("finds a service's folder and cluster registrations, not another service's", async () => {
    const { files, registrations } = await (
      await reader()
    ).serviceFiles('web', 'main');
    expect(files.map(f => f.path).sort()).toEqual([
      'apps/web/base/kustomization.yaml',
      'apps/web/overlays/dev/kustomization.yaml',
    ]);
    expect(registrations.sort()).toEqual([
      'clusters/dev/argocd/web-previews.yaml',
      'clusters/dev/argocd/web.yaml',
      'clusters/prod/argocd/web-appset.yaml',
    ]);
  });

  it('reads a blob by its sha', async () => {
    const read = await reader();
    const [file] = await read.listFiles('apps/web/base', 'main');
    expect(await read.readBlob(file.sha)).toBe('resources: []\n');
  });

  it('names the last commit touching a path, and none for a path never written', async () => {
    const read = await reader();
    expect(await read.lastCommitTouching('apps/web', 'main')).toEqual(
      expect.objectContaining({ message: 'Initial commit' }),
    );
    expect(
      await read.lastCommitTouching('apps/nothing', 'main'),
    ).toBeUndefined();
  });

  it('compares a commit with a branch, and answers undefined for no commit of the repo', async () => {
    const read = await reader();
    const head = await read.lastCommitTouching('README.md', 'main');
    expect(await read.compare(head!.sha, 'main')).toEqual({
      status: 'identical',
      base: expect.objectContaining({ sha: head!.sha }),
    });
    expect(await read.compare('deadbeefdeadbeef', 'main')).toBeUndefined();
  });
});

describe('readConfigRepoLocation', () => {
  it.each([
    [{}, undefined],
    [
      {
        gitops: {
          configRepo: { host: 'github.com', owner: 'acme', repo: 'cfg' },
        },
      },
      { host: 'github.com', owner: 'acme', repo: 'cfg', branch: 'main' },
    ],
    [
      {
        gitops: {
          configRepo: {
            host: 'ghe.acme.io',
            owner: 'a',
            repo: 'c',
            branch: 'live',
          },
        },
      },
      { host: 'ghe.acme.io', owner: 'a', repo: 'c', branch: 'live' },
    ],
  ])('reads %j', (data, location) => {
    expect(readConfigRepoLocation(new ConfigReader(data))).toEqual(location);
  });
});
