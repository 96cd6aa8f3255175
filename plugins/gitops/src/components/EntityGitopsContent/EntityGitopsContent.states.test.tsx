import { screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import {
  argoApp,
  cluster,
  delivery,
  entityStatus,
  SHOP_REF,
} from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

describe('EntityGitopsContent states', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<EntityGitopsContent />, { entity: shopEntity });

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
  });

  it('shows a labelled progress indicator until the status arrives', async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      release = resolve;
    });
    backend.answer(STATUS, async () => {
      await answered;
      return HttpResponse.json(entityStatus([argoApp()]));
    });
    await render();
    expect(
      screen.getByRole('status', { name: 'Loading GitOps status' }),
    ).toBeInTheDocument();
    release();
    expect(
      await screen.findByRole('table', { name: 'Environments by cluster' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('status', { name: 'Loading GitOps status' }),
    ).not.toBeInTheDocument();
  });

  it('asks for the status and the pipeline in one request', async () => {
    backend.serve(STATUS, entityStatus([argoApp()]));
    const paths: string[] = [];
    const record = ({ request }: { request: Request }) => {
      paths.push(new URL(request.url).pathname);
    };
    backend.server.events.on('request:start', record);
    try {
      await render();
      await screen.findByRole('table', { name: 'Environments by cluster' });
    } finally {
      backend.server.events.removeListener('request:start', record);
    }
    const firstScreen = paths.filter(path =>
      /\/(status|pipeline|tab)$/.test(path),
    );
    expect(firstScreen).toEqual([
      '/api/gitops/entities/component/default/shop/tab',
    ]);
  });

  it.each([
    ['unreachable', /Cluster prod-eu is unreachable/],
    ['unauthorized', /Cluster prod-eu refuses the portal’s credentials/],
  ] as const)('warns about an %s cluster', async (state, title) => {
    backend.serve(
      STATUS,
      entityStatus([argoApp()], [cluster({ state, message: 'boom' })]),
    );
    await render();
    expect(await screen.findByText(title)).toBeInTheDocument();
  });

  it("shows the entity's delivery timeline below the environments", async () => {
    backend.serve(STATUS, entityStatus([argoApp()], [cluster()]));
    backend.serve('/entities/component/default/shop/deliveries', {
      entityRef: SHOP_REF,
      items: [delivery()],
    });
    await render();
    expect(
      await screen.findByRole('list', { name: 'Steps of #12' }),
    ).toBeInTheDocument();
  });

  it('shows no banner for a healthy cluster', async () => {
    backend.serve(STATUS, entityStatus([argoApp()], [cluster()]));
    await render();
    await screen.findByRole('table', { name: 'Environments by cluster' });
    expect(screen.queryByText(/Cluster prod-eu/)).not.toBeInTheDocument();
  });

  it('shows the Argo CD operation phase and message', async () => {
    backend.serve(
      STATUS,
      entityStatus([
        argoApp({
          operation: { phase: 'Failed', message: 'one or more objects failed' },
        }),
      ]),
    );
    await render();
    expect(
      await screen.findByText('Operation: Failed — one or more objects failed'),
    ).toBeInTheDocument();
  });

  it('shows the time since the last transition', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    backend.serve(
      STATUS,
      entityStatus([argoApp({ lastTransitionTime: fiveMinutesAgo })]),
    );
    await render();
    expect(await screen.findByText('Changed 5m ago')).toBeInTheDocument();
  });

  it('shows a revision that is no commit without a link', async () => {
    backend.serve(
      STATUS,
      entityStatus([argoApp({ revision: '1.4.2', source: { chart: 'shop' } })]),
    );
    await render();
    expect(await screen.findByText('1.4.2')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Commit/ }),
    ).not.toBeInTheDocument();
  });
});
