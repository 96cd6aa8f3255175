import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderWithApis } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { useGitopsSignal } from '../../hooks';
import { LiveUpdatesNotice } from './LiveUpdatesNotice';

const backend = setupGitopsServer();

/** A view listening for signals (what asks for the echo), with the notice above it. */
function ListeningView() {
  useGitopsSignal(['component:default/shop'], () => {});
  return <LiveUpdatesNotice />;
}

describe('LiveUpdatesNotice', () => {
  it('says that live updates do not reach the page, and that it refreshes on a timer, when the backend refuses the echo', async () => {
    backend.server.use(
      http.post(`${BASE_URL}/signals/echo`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'signals down' } },
          { status: 503 },
        ),
      ),
    );
    await renderWithApis(<ListeningView />);
    expect(
      await screen.findByText(
        /^Live updates have not reached this page since .+: it refreshes every 30 s until they are back\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('says nothing while the echo is on its way', async () => {
    await renderWithApis(<ListeningView />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
