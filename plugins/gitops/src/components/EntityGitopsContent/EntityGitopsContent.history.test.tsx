import { act, screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import {
  argoApp,
  entityStatus,
  historyEntry,
  SHOP_REF,
} from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

describe('EntityGitopsContent history and live updates', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<EntityGitopsContent />, { entity: shopEntity });

  it('lists revisions and transitions from the history route', async () => {
    backend.serve(STATUS, entityStatus([argoApp()]));
    backend.serve(HISTORY, {
      items: [
        historyEntry(),
        historyEntry({
          id: 'h0',
          from: {},
          to: { sync: 'Synced', health: 'Healthy', revision: 'aaaaaaa1111' },
        }),
      ],
    });
    await render();
    const list = await screen.findByRole('list', { name: 'History' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(
          item => item.querySelector('.MuiListItemText-primary')?.textContent,
        ),
    ).toEqual([
      'Application shop (prod-eu, prod): revision aaaaaaa1111 → 4f1c2a9, Synced → OutOfSync, Healthy → Progressing',
      'Application shop (prod-eu, prod): revision aaaaaaa1111, Synced, Healthy',
    ]);
  });

  it('shows Flux source and Ready condition', async () => {
    backend.serve(HISTORY, { items: [] });
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          engine: 'flux',
          kind: 'Kustomization',
          key: 'prod-eu/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/shop',
          resources: undefined,
          source: {
            sourceRef: {
              kind: 'GitRepository',
              name: 'shop',
              namespace: 'flux-system',
            },
          },
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'BuildFailed',
              message: 'kustomize build failed',
            },
          ],
        }),
      ]),
    );
    await render();
    expect(
      await screen.findByText('Source: GitRepository flux-system/shop'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ready: False · BuildFailed · kustomize build failed'),
    ).toBeInTheDocument();
  });

  function serveChangingStatus() {
    const counter = { calls: 0 };
    backend.serve(HISTORY, { items: [] });
    backend.serve(STATUS, () => {
      counter.calls += 1;
      return entityStatus([
        argoApp({
          health: { status: counter.calls === 1 ? 'Healthy' : 'Degraded' },
        }),
      ]);
    });
    return counter;
  }

  const publish = (
    signals: {
      publish(
        channel: string,
        message: { entityRefs: string[]; clusters: string[] },
      ): void;
    },
    entityRefs: string[],
  ) =>
    act(() =>
      signals.publish('gitops:status', { entityRefs, clusters: ['prod-eu'] }),
    );

  it('refetches when a signal names the entity', async () => {
    serveChangingStatus();
    const { signals } = await render();
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    publish(signals, [SHOP_REF]);
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
  });

  it('does not refetch for a signal about another entity', async () => {
    const counter = serveChangingStatus();
    const { signals } = await render();
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    publish(signals, ['component:default/cart']);
    // A signal for this entity afterwards is the 2nd fetch, not the 3rd.
    publish(signals, [SHOP_REF]);
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(counter.calls).toBe(2);
  });

  it('does not lose a signal that arrives while a refetch is in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const healthByCall = ['Healthy', 'Progressing', 'Degraded'] as const;
    let calls = 0;
    backend.serve(HISTORY, { items: [] });
    backend.answer(STATUS, async () => {
      const call = calls++;
      if (call === 1) await gate;
      return HttpResponse.json(
        entityStatus([argoApp({ health: { status: healthByCall[call] } })]),
      );
    });
    const { signals } = await render();
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    publish(signals, [SHOP_REF]); // 2nd fetch, held at the gate
    publish(signals, [SHOP_REF]); // must start a 3rd fetch, not be dropped
    release();
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(calls).toBe(3);
  });
});
