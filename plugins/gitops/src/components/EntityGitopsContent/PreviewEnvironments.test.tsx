import { act, screen, waitFor, within } from '@testing-library/react';
import type { PreviewEnvironment } from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { SHOP_REF } from '../../__testUtils__/fixtures';
import { EntityPreviews } from './PreviewEnvironments';

const PREVIEWS = '/entities/component/default/shop/previews';

const preview = (number: number): PreviewEnvironment => ({
  key: `dev/argoproj.io/Application/argocd/shop-pr-${number}`,
  cluster: 'dev',
  kind: 'Application',
  name: `shop-pr-${number}`,
  pullRequestNumber: number,
  pullRequestUrl: `https://github.com/acme/shop/pull/${number}`,
  namespace: `shop-pr-${number}`,
  health: 'Healthy',
  sync: 'Synced',
  createdAt: new Date().toISOString(),
});

const body = (previews: PreviewEnvironment[]) => ({
  entityRef: SHOP_REF,
  previews,
});

describe('EntityPreviews', () => {
  const backend = setupGitopsServer();

  it('links each preview to its pull request and names its namespace', async () => {
    backend.serve(PREVIEWS, body([preview(12)]));
    await renderWithApis(<EntityPreviews entity={shopEntity} />);

    const table = await screen.findByRole('table', {
      name: 'Preview environments',
    });
    expect(within(table).getByRole('link', { name: '#12' })).toHaveAttribute(
      'href',
      'https://github.com/acme/shop/pull/12',
    );
    expect(within(table).getByText('shop-pr-12')).toBeInTheDocument();
  });

  it('hides the card once the last preview has closed', async () => {
    let closed = false;
    backend.serve(PREVIEWS, () => body(closed ? [] : [preview(12)]));
    const { signals } = await renderWithApis(
      <EntityPreviews entity={shopEntity} />,
    );
    expect(await screen.findByText('Preview environments')).toBeInTheDocument();

    closed = true;
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [SHOP_REF],
        clusters: ['dev'],
      }),
    );

    await waitFor(() =>
      expect(screen.queryByText('Preview environments')).toBeNull(),
    );
  });

  it('drops a preview once a status signal says its PR closed', async () => {
    let closed = false;
    backend.serve(PREVIEWS, () =>
      body(closed ? [preview(12)] : [preview(12), preview(7)]),
    );
    const { signals } = await renderWithApis(
      <EntityPreviews entity={shopEntity} />,
    );
    expect(await screen.findByRole('link', { name: '#7' })).toBeInTheDocument();

    closed = true;
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: [SHOP_REF],
        clusters: ['dev'],
      }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('link', { name: '#7' })).toBeNull(),
    );
    expect(screen.getByRole('link', { name: '#12' })).toBeInTheDocument();
  });
});
