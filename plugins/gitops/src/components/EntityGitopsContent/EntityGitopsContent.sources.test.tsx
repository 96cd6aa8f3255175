import { screen, within } from '@testing-library/react';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, entityStatus, SHA } from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

/** A remote Helm chart with its values from the config repo, as the backend serves it. */
const chartWithValues = argoApp({
  revision: '1.2.3',
  source: { repoURL: 'https://charts.example.org', chart: 'web' },
  sources: [
    { repoURL: 'https://charts.example.org', chart: 'web', revision: '1.2.3' },
    {
      repoURL: 'https://github.com/acme/shop-config.git',
      ref: 'values',
      revision: SHA,
    },
  ],
});

describe('EntityGitopsContent with a multi-source Application', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
    backend.serve(STATUS, entityStatus([chartWithValues]));
  });

  async function sources() {
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    const summary = await screen.findByRole('group', {
      name: 'Application shop',
    });
    return within(summary).getAllByRole('listitem');
  }

  it.each([
    [0, 'https://charts.example.org · chart web at 1.2.3'],
    [1, 'https://github.com/acme/shop-config.git · ref values at 4f1c2a9'],
  ])(
    'shows source %i with the revision it is synced at',
    async (index, text) => {
      const items = await sources();
      expect(items).toHaveLength(2);
      expect(items[index]).toHaveTextContent(text);
    },
  );

  it("links the config repo's revision to its commit", async () => {
    const [, values] = await sources();
    expect(
      within(values).getByRole('link', { name: /^Commit 4f1c2a9/ }),
    ).toHaveAttribute(
      'href',
      `https://github.com/acme/shop-config/commit/${SHA}`,
    );
  });
});
