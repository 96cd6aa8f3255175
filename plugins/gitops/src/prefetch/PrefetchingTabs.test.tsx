import { useEffect, useState } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type {
  GitopsSignal,
  HealthStatus,
} from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../__testUtils__/server';
import {
  renderWithApis,
  shopEntity,
  teamEntity,
} from '../__testUtils__/render';
import {
  argoApp,
  entityStatus,
  manyTeamRows,
  BASE_URL,
  SHA,
  teamStatus,
} from '../__testUtils__/fixtures';
import { EntityGitopsTab, EntityGitopsTeamTab } from './PrefetchingTabs';

const SHOP = '/entities/component/default/shop';
const OUT_OF_SYNC = argoApp({ sync: 'OutOfSync', cluster: 'prod-eu' });

/*
 * Each tab starts its first requests itself and the view it loads takes them: were the view to ask again, the
 * backend would see each request twice.
 */
describe('prefetching tabs', () => {
  const backend = setupGitopsServer();

  it("requests a component tab's first screen once", async () => {
    const tabs = backend.serve(`${SHOP}/tab`, {
      status: entityStatus([argoApp()]),
      pipeline: {
        entityRef: 'component:default/shop',
        environments: [],
        gaps: [],
      },
    });
    backend.serve(`${SHOP}/history`, { items: [] });
    await renderWithApis(<EntityGitopsTab />, { entity: shopEntity });
    await screen.findByRole('table', { name: 'Environments by cluster' });
    expect(tabs).toHaveLength(1);
  });

  it('requests the first screen once when the entity page mounts the tab twice', async () => {
    const tabs = backend.serve(`${SHOP}/tab`, {
      status: entityStatus([argoApp()]),
      pipeline: {
        entityRef: 'component:default/shop',
        environments: [],
        gaps: [],
      },
    });
    backend.serve(`${SHOP}/history`, { items: [] });
    function MountedTwice() {
      const [mount, setMount] = useState(0);
      useEffect(() => setMount(1), []);
      return <EntityGitopsTab key={mount} />;
    }
    await renderWithApis(<MountedTwice />, { entity: shopEntity });
    await screen.findByRole('table', { name: 'Environments by cluster' });
    expect(tabs).toHaveLength(1);
  });

  /** Serves the tab from `healthByCall` (the last one repeats) with signal position `b1:<seq>`, and takes echoes. */
  function serveTabAndEcho(seq: number, healthByCall: HealthStatus[]) {
    let calls = 0;
    backend.answer(`${SHOP}/tab`, () =>
      HttpResponse.json(
        {
          status: entityStatus([
            argoApp({
              health: {
                status:
                  healthByCall[Math.min(calls++, healthByCall.length - 1)],
              },
            }),
          ]),
          pipeline: {
            entityRef: 'component:default/shop',
            environments: [],
            gaps: [],
          },
        },
        { headers: { 'gitops-signal-position': `b1:${seq}` } },
      ),
    );
    backend.serve(`${SHOP}/history`, { items: [] });
    const echoes: string[] = [];
    backend.server.use(
      http.post(`${BASE_URL}/signals/echo`, async ({ request }) => {
        echoes.push(((await request.json()) as { token: string }).token);
        return HttpResponse.json({}, { status: 202 });
      }),
    );
    return { echoes, calls: () => calls };
  }

  const echoBack = (
    signals: { publish(channel: string, message: GitopsSignal): void },
    token: string,
    seq: number,
  ) =>
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [],
        clusters: [],
        publisher: 'b1',
        seq,
        echo: token,
      }),
    );

  it('shows a change that was published while the page was still subscribing, once an echo proves the subscription', async () => {
    // The first answer is from before broadcast 1 (the change), which went out before the page's socket subscribed.
    const backendState = serveTabAndEcho(0, ['Progressing', 'Healthy']);
    const { signals } = await renderWithApis(<EntityGitopsTab />, {
      entity: shopEntity,
    });
    const grid = await screen.findByRole('table', {
      name: 'Environments by cluster',
    });
    expect(await within(grid).findByText('Progressing')).toBeInTheDocument();
    await waitFor(() => expect(backendState.echoes).toHaveLength(1));
    echoBack(signals, backendState.echoes[0], 1);
    expect(await within(grid).findByText('Healthy')).toBeInTheDocument();
  });

  it('does not fetch the tab again when its answer includes the broadcast the proving echo names', async () => {
    // Were the echo to refetch, the signal's refetch would be the third answer (Progressing) and Degraded never shown.
    const backendState = serveTabAndEcho(3, [
      'Healthy',
      'Degraded',
      'Progressing',
    ]);
    const { signals } = await renderWithApis(<EntityGitopsTab />, {
      entity: shopEntity,
    });
    const grid = await screen.findByRole('table', {
      name: 'Environments by cluster',
    });
    await waitFor(() => expect(backendState.echoes).toHaveLength(1));
    echoBack(signals, backendState.echoes[0], 3);
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: ['component:default/shop'],
        clusters: [],
        publisher: 'b1',
        seq: 4,
      }),
    );
    expect(await within(grid).findByText('Degraded')).toBeInTheDocument();
    expect(backendState.calls()).toBe(2);
  });

  it('requests the live diff `?diff=` names once, with the tab', async () => {
    backend.serve(`${SHOP}/status`, entityStatus([OUT_OF_SYNC]));
    backend.serve(`${SHOP}/history`, { items: [] });
    const diffs = backend.serve(`${SHOP}/live-diff`, {
      key: OUT_OF_SYNC.key,
      readAt: new Date().toISOString(),
      desired: {
        repo: 'acme/gitops-config',
        path: 'apps/shop/overlays/prod',
        revision: SHA,
        renderer: 'kustomize',
      },
      resources: [],
      unsupported: [],
      notes: [],
    });
    await renderWithApis(<EntityGitopsTab />, {
      entity: shopEntity,
      path: `/?${new URLSearchParams({ diff: OUT_OF_SYNC.key })}`,
    });
    await screen.findByRole('region', {
      name: 'Live diff of Application shop in prod-eu',
    });
    expect(diffs).toHaveLength(1);
  });

  it('holds the part below the first screen back until the linked live diff has answered', async () => {
    backend.serve(`${SHOP}/status`, entityStatus([OUT_OF_SYNC]));
    const answered: string[] = [];
    let answerDiff = () => {};
    const diffGate = new Promise<void>(resolve => {
      answerDiff = resolve;
    });
    backend.answer(`${SHOP}/live-diff`, async () => {
      await diffGate;
      answered.push('live diff');
      return HttpResponse.json({
        key: OUT_OF_SYNC.key,
        readAt: new Date().toISOString(),
        resources: [],
        unsupported: [],
        notes: [],
      });
    });
    backend.answer(`${SHOP}/history`, () => {
      answered.push('history');
      return HttpResponse.json({ items: [] });
    });
    await renderWithApis(<EntityGitopsTab />, {
      entity: shopEntity,
      path: `/?${new URLSearchParams({ diff: OUT_OF_SYNC.key })}`,
    });
    await screen.findByRole('table', { name: 'Environments by cluster' });
    // Time for the deferred part to mount and ask, were it not held back (it mounts at the next idle moment).
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    act(() => answerDiff());
    await waitFor(() => expect(answered).toEqual(['live diff', 'history']));
  });

  it("requests a Group tab's team status and clusters once", async () => {
    const team = backend.serve(
      '/teams/default/team-a/status',
      teamStatus(manyTeamRows(3)),
    );
    const clusters = backend.serve('/clusters', { items: [] });
    await renderWithApis(<EntityGitopsTeamTab />, { entity: teamEntity });
    await waitFor(() =>
      expect(screen.getAllByTestId('team-row')).toHaveLength(3),
    );
    expect([team.length, clusters.length]).toEqual([1, 1]);
  });
});
