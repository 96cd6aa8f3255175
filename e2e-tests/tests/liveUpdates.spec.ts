import { expect, test, type Page } from '@playwright/test';
import {
  applyObject,
  getObject,
  guestToken,
  signInAsGuest,
} from './sandboxState';

const APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';
const APP = 'payments-ledger-staging';

/** Signs in, opens payments-ledger's GitOps tab and waits for APP Healthy; returns APP's group in the grid. */
async function openHealthyApp(page: Page) {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-ledger/gitops');
  const app = page
    .getByRole('table', { name: 'Environments by cluster' })
    .getByRole('group', { name: `Application ${APP}` });
  await expect(app.getByText('Healthy', { exact: true })).toBeVisible();
  return app;
}

/** Runs `check` while Argo CD reports APP Degraded in staging, then puts the Application back as it was. */
async function whileDegraded(check: () => Promise<void>) {
  const original = await getObject('staging', `${APP_PATH}/${APP}`);
  try {
    await applyObject('staging', {
      ...original,
      status: {
        ...original.status,
        health: { status: 'Degraded', message: 'Back-off pulling image' },
      },
    });
    await check();
  } finally {
    await applyObject('staging', original);
  }
}

test.describe('live updates', () => {
  test('a change published while the page was still subscribing to signals shows without reload', async ({
    page,
  }, testInfo) => {
    // The page's signals socket passes through here: its subscribe request is held back until the change below has
    // been published, so the backend drops that message (as Backstage's signals do for a socket still connecting).
    const held: Array<string | Buffer> = [];
    let releaseSocket = () => {};
    await page.routeWebSocket(/\/api\/signals/, ws => {
      const server = ws.connectToServer();
      let released = false;
      ws.onMessage(message =>
        released ? server.send(message) : held.push(message),
      );
      releaseSocket = () => {
        released = true;
        for (const message of held.splice(0)) server.send(message);
      };
    });
    const app = await openHealthyApp(page);
    await expect.poll(() => held.length).toBeGreaterThan(0);

    await whileDegraded(async () => {
      // Published once the backend has it (the API says so) and its batch window (250 ms) has passed.
      const token = await guestToken(page);
      await expect
        .poll(async () => {
          const response = await page.request.get(
            '/api/gitops/entities/component/default/payments-ledger/status',
            { headers: { authorization: `Bearer ${token}` } },
          );
          const body = await response.json();
          return body.objects?.find((o: { name: string }) => o.name === APP)
            ?.health?.status;
        })
        .toBe('Degraded');
      await page.waitForTimeout(1_000);
      releaseSocket();

      await expect(app.getByText('Degraded', { exact: true })).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath('live-update-after-subscribe.png'),
        fullPage: true,
      });
    });
  });

  test('a page that signals do not reach says so, and refreshes on a timer instead', async ({
    page,
  }, testInfo) => {
    // A proxy that accepts the socket and passes nothing: the page's echo never comes back.
    await page.routeWebSocket(/\/api\/signals/, () => {});
    const app = await openHealthyApp(page);
    await expect(
      page.getByText(
        /^Live updates have not reached this page since .+: it refreshes every 30 s until they are back\.$/,
      ),
    ).toBeVisible();

    await whileDegraded(async () => {
      // No signal reaches the page: the next timed refresh (every 30 s) brings the change.
      await expect(app.getByText('Degraded', { exact: true })).toBeVisible({
        timeout: 60_000,
      });
      await page.screenshot({
        path: testInfo.outputPath('live-updates-unavailable.png'),
        fullPage: true,
      });
    });
  });
});
