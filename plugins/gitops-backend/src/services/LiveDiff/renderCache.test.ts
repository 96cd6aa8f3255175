import { ConfigRepoLocation } from '@gitops-portal/plugin-gitops-node';
import { renderCache } from './renderCache';
import { DesiredSource } from './types';

const LOCATION: ConfigRepoLocation = {
  host: 'github.com',
  owner: 'acme',
  repo: 'gitops-config',
  branch: 'main',
};
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

const source = (revision: string, path = 'apps/shop/overlays/prod') =>
  ({
    repoUrl: 'https://github.com/acme/gitops-config.git',
    path,
    revision,
    defaultNamespace: 'shop',
  } satisfies DesiredSource);

/** A cache of `size` and a render that counts its calls and answers which call it was. */
function setup(size = 2) {
  const cached = renderCache<string>(size);
  let calls = 0;
  const render = jest.fn(async () => `render ${++calls}`);
  return {
    render,
    open: (desired: DesiredSource) => cached(LOCATION, desired, render),
  };
}

describe('renderCache', () => {
  it('renders a commit once and answers the second open from the cache', async () => {
    const { render, open } = setup();
    await open(source(SHA_A));
    expect(await open(source(SHA_A))).toBe('render 1');
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders once for two opens at the same time', async () => {
    const { render, open } = setup();
    await Promise.all([open(source(SHA_A)), open(source(SHA_A))]);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another commit', source(SHA_B)],
    [
      'another path at the same commit',
      source(SHA_A, 'apps/shop/overlays/dev'),
    ],
    ['another namespace', { ...source(SHA_A), defaultNamespace: 'other' }],
    [
      'other Helm settings',
      { ...source(SHA_A), helm: { releaseName: 'x', valueFiles: [] } },
    ],
  ])('renders again for %s', async (_, other) => {
    const { render, open } = setup();
    await open(source(SHA_A));
    expect(await open(other)).toBe('render 2');
    expect(render).toHaveBeenCalledTimes(2);
  });

  it.each([['main'], ['v1.2.0'], [SHA_A.slice(0, 7)]])(
    'renders a revision that is no full SHA (%s) every time',
    async revision => {
      const { render, open } = setup();
      await open(source(revision));
      await open(source(revision));
      expect(render).toHaveBeenCalledTimes(2);
    },
  );

  it('forgets the least recently used render beyond its size', async () => {
    const { render, open } = setup(2);
    await open(source(SHA_A));
    await open(source(SHA_B));
    await open(source(SHA_A)); // A is now the most recently used
    await open(source('c'.repeat(40))); // evicts B
    expect(await open(source(SHA_A))).toBe('render 1');
    expect(await open(source(SHA_B))).toBe('render 4');
    expect(render).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failed render: the next open renders again', async () => {
    const cached = renderCache<string>(2);
    const failing = jest.fn(async () => {
      throw new Error('kustomize failed');
    });
    await expect(cached(LOCATION, source(SHA_A), failing)).rejects.toThrow(
      'kustomize failed',
    );
    const render = jest.fn(async () => 'rendered');
    expect(await cached(LOCATION, source(SHA_A), render)).toBe('rendered');
    expect(render).toHaveBeenCalledTimes(1);
  });
});
