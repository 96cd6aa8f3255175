import {
  act,
  render as renderAlone,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  LiveDiffResource,
  LiveDiffResponse,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, SHA, SHOP_REF } from '../../__testUtils__/fixtures';
import { TestApiProvider } from '@backstage/test-utils';
import { GitopsClient } from '../../api';
import { testApis } from '../../__testUtils__/apis';
import {
  PrefetchContext,
  prefetchKeys,
  type Prefetched,
} from '../../prefetch/PrefetchContext';
import { LiveDiff } from './LiveDiff';
import { LiveDiffToggle } from './LiveDiffToggle';
import { hunksOf } from './ResourceDiff';

const LIVE_DIFF = '/entities/component/default/shop/live-diff';
const OUT_OF_SYNC = argoApp({ sync: 'OutOfSync', cluster: 'prod-eu' });

const DEPLOYMENT_DIFF = [
  '===================================================================',
  '--- a/Deployment/shop/shop\tdesired',
  '+++ b/Deployment/shop/shop\tlive',
  '@@ -3,3 +3,3 @@',
  ' spec:',
  '-  replicas: 2',
  '+  replicas: 5',
].join('\n');

function resource(change: Partial<LiveDiffResource>): LiveDiffResource {
  return {
    group: 'apps',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'shop',
    status: 'differs',
    diff: DEPLOYMENT_DIFF,
    ...change,
  };
}

function liveDiff(change: Partial<LiveDiffResponse> = {}): LiveDiffResponse {
  return {
    key: OUT_OF_SYNC.key,
    readAt: new Date().toISOString(),
    desired: {
      repo: 'acme/gitops-config',
      path: 'apps/shop/overlays/prod',
      revision: SHA,
      renderer: 'kustomize',
    },
    resources: [
      resource({}),
      resource({ kind: 'Service', group: '', status: 'same', diff: '' }),
    ],
    unsupported: [],
    notes: [],
    ...change,
  };
}

describe('LiveDiffToggle', () => {
  const backend = setupGitopsServer();
  const render = (object: ObjectStatus = OUT_OF_SYNC) =>
    renderWithApis(<LiveDiffToggle object={object} />, { entity: shopEntity });
  const open = async () =>
    userEvent.click(
      await screen.findByRole('button', {
        name: 'Show live diff of Application shop in prod-eu',
      }),
    );

  it('opens the diff the URL names (`?diff=<key>`) without a click', async () => {
    const requests = backend.serve(LIVE_DIFF, liveDiff());
    await renderWithApis(<LiveDiffToggle object={OUT_OF_SYNC} />, {
      entity: shopEntity,
      path: `/?${new URLSearchParams({ diff: OUT_OF_SYNC.key })}`,
    });
    expect(
      await screen.findByRole('button', {
        name: 'Hide live diff of Application shop in prod-eu',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(requests).toHaveLength(1));
  });

  it.each<[string, Partial<ObjectStatus>]>([
    ['a Synced Application', { sync: 'Synced' }],
    [
      'an OutOfSync object that is no Application or Kustomization',
      { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease' },
    ],
  ])('offers no diff for %s', async (_case, change) => {
    await render(argoApp({ ...change, sync: change.sync ?? 'OutOfSync' }));
    expect(screen.queryByRole('button', { name: /live diff/ })).toBeNull();
  });

  it('fetches nothing until opened', async () => {
    const requests = backend.serve(LIVE_DIFF, liveDiff());
    await render();
    await screen.findByRole('button', { name: /Show live diff/ });
    expect(requests).toHaveLength(0);
  });

  it('asks for the diff of the object by its key', async () => {
    const requests = backend.serve(LIVE_DIFF, liveDiff());
    await render();
    await open();
    await screen.findByRole('region', { name: /Live diff of/ });
    expect(requests[0].searchParams.get('key')).toBe(OUT_OF_SYNC.key);
  });

  it('names the config repo path and revision the desired state was rendered from', async () => {
    backend.serve(LIVE_DIFF, liveDiff());
    await render();
    await open();
    expect(
      await screen.findByText(
        /acme\/gitops-config\/apps\/shop\/overlays\/prod at 4f1c2a9/,
      ),
    ).toBeInTheDocument();
  });

  it('shows each differing resource with its result in words and its diff lines', async () => {
    backend.serve(LIVE_DIFF, liveDiff());
    await render();
    await open();
    const section = await screen.findByRole('region', {
      name: 'Diff of Deployment shop/shop',
    });
    expect(
      within(section).getByText(
        'Deployment shop/shop: differs from the config repo',
      ),
    ).toBeInTheDocument();
    // The highlighter loads lazily.
    await waitFor(() => expect(section).toHaveTextContent(/-\s+replicas: 2/));
    expect(section).toHaveTextContent(/\+\s+replicas: 5/);
  });

  it('counts matching resources without showing them', async () => {
    backend.serve(LIVE_DIFF, liveDiff());
    await render();
    await open();
    expect(
      await screen.findByText('1 of 2 resources differ; 1 match.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /Diff of Service/ }),
    ).toBeNull();
  });

  it('shows notes and unsupported ignoreDifferences forms', async () => {
    backend.serve(
      LIVE_DIFF,
      liveDiff({
        unsupported: [
          'ignoreDifferences jqPathExpressions ".data" not applied',
        ],
      }),
    );
    await render();
    await open();
    expect(
      await screen.findByText(
        'ignoreDifferences jqPathExpressions ".data" not applied',
      ),
    ).toBeInTheDocument();
  });

  it('says when the cluster data is stale, with its age', async () => {
    backend.serve(LIVE_DIFF, liveDiff());
    await render(
      argoApp({
        sync: 'OutOfSync',
        stale: { since: '2025-03-01T11:00:00.000Z', ageSeconds: 600 },
      }),
    );
    await open();
    expect(await screen.findByText(/stale \(10m/)).toBeInTheDocument();
  });

  it('shows a refusal as an error', async () => {
    backend.fail(
      LIVE_DIFF,
      403,
      'Not allowed: gitops.status.read on component:default/shop',
    );
    await render();
    await open();
    expect(
      await screen.findByText(
        /Not allowed: gitops.status.read on component:default\/shop/,
      ),
    ).toBeInTheDocument();
  });

  it('refetches when a signal names the entity', async () => {
    let count = 0;
    backend.serve(LIVE_DIFF, () => {
      count += 1;
      return liveDiff();
    });
    const { signals } = await render();
    await open();
    await screen.findByRole('region', { name: /Live diff of/ });
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [SHOP_REF],
        clusters: ['prod-eu'],
      }),
    );
    await screen.findByRole('region', { name: /Live diff of/ });
    await act(async () => {});
    expect(count).toBeGreaterThanOrEqual(2);
  });
});

describe('hunksOf', () => {
  it.each([
    ['@@ -3,3 +3,4 @@', 'Desired lines 3–5, live lines 3–6'],
    ['@@ -1 +1 @@', 'Desired line 1, live line 1'],
    ['@@ -0,0 +1,2 @@', 'Desired none, live lines 1–2'],
  ])('captions %s as %s', (header, caption) => {
    const [hunk] = hunksOf(
      `--- a/x\tdesired\n+++ b/x\tlive\n${header}\n-a\n+b`,
    );
    expect(hunk).toEqual({ caption, lines: ['-a', '+b'] });
  });

  it('drops the file headers', () => {
    expect(hunksOf(DEPLOYMENT_DIFF).flatMap(h => h.lines)).toEqual([
      ' spec:',
      '-  replicas: 2',
      '+  replicas: 5',
    ]);
  });
});

describe('LiveDiff with a prefetched answer', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['answered before it mounts, shows the diff', true, 'Live diff of'],
    ['still in flight, shows progress', false, 'Loading the live diff of'],
  ])('on its first render, a request %s', (_, answered, label) => {
    jest
      .spyOn(GitopsClient.prototype, 'getLiveDiff')
      .mockReturnValue(new Promise(() => undefined));
    const answer = liveDiff();
    const requests: Prefetched = new Map([
      [
        prefetchKeys.liveDiff(SHOP_REF, OUT_OF_SYNC.key),
        {
          promise: Promise.resolve(answer),
          startedAt: Date.now(),
          ...(answered ? { answer: { value: answer } } : {}),
        },
      ],
    ]);
    renderAlone(
      <TestApiProvider apis={testApis().apis}>
        <PrefetchContext.Provider value={requests}>
          <LiveDiff
            entity={{ kind: 'component', namespace: 'default', name: 'shop' }}
            entityRef={SHOP_REF}
            object={OUT_OF_SYNC}
          />
        </PrefetchContext.Provider>
      </TestApiProvider>,
    );
    expect(
      screen.getByLabelText(`${label} Application shop in prod-eu`),
    ).toBeInTheDocument();
  });
});
