import { act, screen, within } from '@testing-library/react';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import { delivery, SHOP_REF } from '../../__testUtils__/fixtures';
import { DeliveryTimeline } from './DeliveryTimeline';

const DELIVERIES = '/entities/component/default/shop/deliveries';

describe('DeliveryTimeline', () => {
  const backend = setupGitopsServer();

  it('shows each pull request with a link and its steps with lead times', async () => {
    backend.serve(DELIVERIES, { entityRef: SHOP_REF, items: [delivery()] });
    await renderWithApis(<DeliveryTimeline entity={shopEntity} />);
    const link = await screen.findByRole('link', {
      name: /^#12 Promote shop dev → staging/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://github.com/acme/gitops-config/pull/12',
    );
    const steps = screen.getByRole('list', { name: 'Steps of #12' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')?.split(' · ')[0]),
    ).toEqual([
      expect.stringMatching(/^Opened: /),
      'Merged: +30m',
      'Synced in dev: +1m',
      'Healthy in dev: +45s',
      'Synced in staging: +3m',
      'Healthy in staging: waiting',
    ]);
  });

  it('explains an empty timeline', async () => {
    backend.serve(DELIVERIES, {
      entityRef: SHOP_REF,
      configRepo: 'acme/gitops-config',
      items: [],
    });
    await renderWithApis(<DeliveryTimeline entity={shopEntity} />);
    expect(await screen.findByText('No deliveries yet')).toBeInTheDocument();
    expect(screen.getByText(/from acme\/gitops-config/)).toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    backend.fail(DELIVERIES, 403, 'Not allowed: gitops.status.read');
    await renderWithApis(<DeliveryTimeline entity={shopEntity} />);
    expect(
      await screen.findAllByText(/Not allowed: gitops.status.read/),
    ).not.toHaveLength(0);
  });

  it('advances when a status signal names the entity', async () => {
    let healthy = false;
    backend.serve(DELIVERIES, () => ({
      entityRef: SHOP_REF,
      items: [
        delivery({
          environments: [
            {
              environment: 'dev',
              changed: true,
              syncedAt: '2025-03-01T10:31:00.000Z',
              ...(healthy ? { healthyAt: '2025-03-01T10:32:00.000Z' } : {}),
              targets: [],
            },
          ],
        }),
      ],
    }));
    const { signals } = await renderWithApis(
      <DeliveryTimeline entity={shopEntity} />,
    );
    expect(
      await screen.findByRole('listitem', { name: 'Healthy in dev: waiting' }),
    ).toBeInTheDocument();
    healthy = true;
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [SHOP_REF],
        clusters: ['dev'],
      }),
    );
    expect(
      await screen.findByRole('listitem', { name: /^Healthy in dev: \+1m/ }),
    ).toBeInTheDocument();
  });
});
