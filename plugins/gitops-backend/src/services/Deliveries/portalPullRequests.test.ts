import { GithubClient } from '@gitops-portal/plugin-gitops-node';
import {
  listPortalPullRequests,
  pullRequestPages,
  touchesService,
} from './portalPullRequests';

/** A pull request of the listing, as `pulls.list` answers it (only what the listing reads). */
const pull = (number: number, branch: string) => ({
  number,
  html_url: `https://github.example/acme/config/pull/${number}`,
  title: branch,
  head: { ref: branch, sha: `head-${number}` },
  state: 'open',
  created_at: '2026-01-01T00:00:00Z',
  merged_at: null,
  merge_commit_sha: null,
});

describe('pullRequestPages', () => {
  it("reads each page of the config repo's pull requests once, however many services list them", async () => {
    const list = jest.fn(async () => ({
      data: [
        pull(2, 'gitops/promote/cart-prod'),
        pull(1, 'gitops/create/shop'),
      ],
    }));
    const pages = pullRequestPages(
      { pulls: { list } } as unknown as GithubClient,
      { owner: 'acme', repo: 'config' },
    );
    const listed = await Promise.all(
      ['shop', 'cart'].map(service =>
        listPortalPullRequests({
          pages,
          service,
          branchPrefix: 'gitops/',
          limit: 10,
          filesOf: async ({ number }) => [
            number === 1 ? 'apps/shop/base/a.yaml' : 'apps/cart/base/a.yaml',
          ],
        }),
      ),
    );
    expect(listed.map(pulls => pulls.map(p => p.number))).toEqual([[1], [2]]);
    expect(list).toHaveBeenCalledTimes(1);
  });
});

describe('touchesService', () => {
  it.each<[string, string, string[], boolean]>([
    ["the portal's service folder", 'apps/shop/base/a.yaml', [], true],
    ["the service's cluster file", 'clusters/prod/argocd/shop.yaml', [], true],
    [
      'a folder live objects deploy the service from',
      'teams/a/shop/overlays/prod/k.yaml',
      ['teams/a/shop'],
      true,
    ],
    [
      'a values file live objects deploy the service from',
      'apps/prod/shop-values.yaml',
      ['apps/prod/shop-values.yaml'],
      true,
    ],
    [
      'a sibling folder sharing the prefix',
      'teams/a/shop-api/k.yaml',
      ['teams/a/shop'],
      false,
    ],
    [
      'a folder of no live object',
      'teams/a/shop/overlays/prod/k.yaml',
      [],
      false,
    ],
  ])('%s: %s -> %s', (_what, file, folders, expected) => {
    expect(touchesService([file], 'shop', folders)).toBe(expected);
  });
});
