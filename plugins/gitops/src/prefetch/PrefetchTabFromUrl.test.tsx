import { GitopsClient } from '../api';
import { renderWithApis } from '../__testUtils__/render';
import { PrefetchTabFromUrl } from './PrefetchTabFromUrl';

const SHOP = { kind: 'component', namespace: 'default', name: 'shop' };
const TEAM = { kind: 'group', namespace: 'default', name: 'team-a' };
const DIFF_KEY = 'prod-eu/argoproj.io/Application/argocd/shop';

/*
 * From the URL alone (no entity loaded, no tab mounted), the tab's first requests start: which ones, per URL. The
 * client's methods are spied on, so what is asked for is known as soon as the component has rendered.
 */
describe('PrefetchTabFromUrl', () => {
  const methods = [
    'getEntityTab',
    'getLiveDiff',
    'getTeamStatus',
    'getClusters',
  ] as const;

  beforeEach(() => {
    for (const method of methods) {
      jest
        .spyOn(GitopsClient.prototype, method)
        // Never answers: only which requests start matters here.
        .mockReturnValue(new Promise(() => undefined) as never);
    }
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['/catalog/default/component/shop/gitops', [['getEntityTab', SHOP]]],
    [
      `/catalog/default/component/shop/gitops?diff=${encodeURIComponent(
        DIFF_KEY,
      )}`,
      [
        ['getEntityTab', SHOP],
        ['getLiveDiff', SHOP, DIFF_KEY],
      ],
    ],
    [
      '/catalog/default/group/team-a/gitops',
      [['getTeamStatus', TEAM], ['getClusters']],
    ],
    ['/catalog/default/component/shop', []],
    ['/catalog/default/api/shop/gitops', []],
    ['/gitops', []],
  ])('on %s starts %j', async (path, expected) => {
    await renderWithApis(<PrefetchTabFromUrl />, { path });
    const calls = methods.flatMap(method =>
      jest
        .mocked(GitopsClient.prototype[method])
        .mock.calls.map(args => [method, ...args]),
    );
    expect(calls).toEqual(expected);
  });

  it.each([
    [`/catalog/default/component/shop/gitops?diff=${DIFF_KEY}`, 1],
    ['/catalog/default/component/shop/gitops', 0],
    [`/catalog/default/group/team-a/gitops?diff=${DIFF_KEY}`, 0],
  ])(
    'on %s renders %i hidden code snippet (loading the diff highlighter early)',
    async (path, count) => {
      const { container } = await renderWithApis(<PrefetchTabFromUrl />, {
        path,
      });
      expect(container.querySelectorAll('[hidden]')).toHaveLength(count);
    },
  );
});
