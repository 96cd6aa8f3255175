import { screen, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PipelineResponse } from '@gitops-portal/plugin-gitops-common';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { PromotionPipeline } from './PromotionPipeline';
import { pipeline, pipelineEnvironment } from './pipelineFixture';

const DEV_SHA = '1'.repeat(40);
const PROD_SHA = '2'.repeat(40);
const WAITING_SHA = '3'.repeat(40);

const described: PipelineResponse = pipeline(
  [
    pipelineEnvironment('dev', {
      version: {
        images: [
          {
            name: 'ghcr.io/acme/shop',
            tag: '1.1.0',
            digest: `sha256:${'ab'.repeat(32)}`,
          },
        ],
        charts: [{ name: 'shop-chart', version: '0.4.0' }],
      },
      changedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      commit: {
        sha: DEV_SHA,
        message: 'Release shop 1.1.0 to dev',
        author: 'alice',
        url: `https://github.com/acme/gitops-config/commit/${DEV_SHA}`,
        pullRequest: {
          number: 42,
          title: 'Release shop 1.1.0 to dev',
          url: 'https://github.com/acme/gitops-config/pull/42',
        },
      },
      targets: [
        {
          key: 'dev/argoproj.io/Application/argocd/shop-dev',
          kind: 'Application',
          cluster: 'dev',
          namespace: 'argocd',
          name: 'shop-dev',
          sync: 'Synced',
          health: 'Healthy',
          url: 'https://argocd.example.com/applications/argocd/shop-dev',
        },
      ],
    }),
    pipelineEnvironment('prod', {
      sync: 'OutOfSync',
      health: 'Degraded',
      commit: {
        sha: PROD_SHA,
        unavailable:
          'GitHub rate limit reached: commit details show again once it resets',
      },
    }),
  ],
  [
    {
      from: 'dev',
      to: 'prod',
      versionChanges: [
        {
          kind: 'image',
          name: 'ghcr.io/acme/shop',
          from: `1.1.0@sha256:${'ab'.repeat(32)}`,
          to: '1.0.0',
        },
      ],
      commitsNotPromoted: [
        { sha: WAITING_SHA, message: 'Raise shop replicas', author: 'bob' },
      ],
    },
  ],
);

describe('PromotionPipeline', () => {
  const render = (shown: PipelineResponse = described) =>
    renderWithApis(<PromotionPipeline entity={shopEntity} pipeline={shown} />, {
      permission: AuthorizeResult.DENY,
    });
  const column = (environment: string) =>
    screen.findByRole('region', { name: `Environment ${environment}` });

  it('shows one column per environment in the order the backend gives', async () => {
    await render();
    await column('prod');
    const names = screen
      .getAllByRole('region')
      .map(region => region.getAttribute('aria-label'))
      .filter(name => name?.startsWith('Environment '));
    expect(names).toEqual(['Environment dev', 'Environment prod']);
  });

  it.each([
    ['health and sync in words beside the icon', 'dev', 'Healthy'],
    ['a bad state in words too', 'prod', 'Degraded'],
    [
      'the image tag and short digest',
      'dev',
      `1.1.0 @ sha256:${'ab'.repeat(6)}`,
    ],
    ['the chart version', 'dev', '0.4.0'],
    ['the commit message', 'dev', 'Release shop 1.1.0 to dev'],
    ['the author', 'dev', /by alice/],
    ['how long ago it changed', 'dev', 'Changed 5m ago'],
    ['why only the sha shows', 'prod', /GitHub rate limit reached/],
  ])('shows %s', async (_, environment, text) => {
    await render();
    expect(
      await within(await column(environment)).findByText(text),
    ).toBeInTheDocument();
  });

  it('lists what runs, the image beside the chart (a remote chart with an image tag from its values)', async () => {
    await render();
    const running = within(await column('dev')).getByRole('list', {
      name: 'Running version',
    });
    expect(
      within(running)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      `shop 1.1.0 @ sha256:${'ab'.repeat(6)}`,
      'chart shop-chart 0.4.0',
    ]);
  });

  it.each([
    [
      'the commit',
      'Commit 1111111',
      `https://github.com/acme/gitops-config/commit/${DEV_SHA}`,
    ],
    [
      'the pull request',
      'Pull request #42: Release shop 1.1.0 to dev',
      'https://github.com/acme/gitops-config/pull/42',
    ],
    [
      'the Argo CD application',
      'Open shop-dev in Argo CD',
      'https://argocd.example.com/applications/argocd/shop-dev',
    ],
  ])('links %s', async (_, name, href) => {
    await render();
    // Backstage's Link adds ", Opens in a new window" to an external link's name.
    const link = await within(await column('dev')).findByRole('link', {
      name: accessible => accessible.startsWith(name),
    });
    expect(link).toHaveAttribute('href', href);
  });

  it('names the Backstage status icon’s tone by the worst state', async () => {
    await render();
    const prod = await column('prod');
    expect(prod.querySelector('[data-tone]')).toHaveAttribute(
      'data-tone',
      'error',
    );
  });

  it('says between two environments which version differs', async () => {
    await render();
    const gap = await screen.findByRole('complementary', {
      name: 'From dev to prod: 1 version differs, 1 commit not promoted',
    });
    expect(
      within(gap).getByText(`1.1.0@sha256:${'ab'.repeat(32)}`),
    ).toBeInTheDocument();
    expect(within(gap).getByText('1.0.0')).toBeInTheDocument();
  });

  it('lists the commits not promoted yet between two environments', async () => {
    await render();
    const list = await screen.findByRole('list', {
      name: 'Commits in dev not yet in prod',
    });
    expect(within(list).getByText(/Raise shop replicas/)).toBeInTheDocument();
  });

  it('says how long a target has been served from cache', async () => {
    const prod = described.environments[1];
    await render(
      pipeline([
        {
          ...prod,
          targets: [
            {
              ...prod.targets[0],
              stale: { since: '2026-01-01T00:00:00Z', ageSeconds: 300 },
            },
          ],
        },
      ]),
    );
    expect(
      await within(await column('prod')).findByText(/stale for 5m/),
    ).toBeInTheDocument();
  });

  it.each([
    ['links an OutOfSync Application to its live diff on the tab', 'OutOfSync'],
    ['links a Synced Application to no live diff', 'Synced'],
  ] as const)('%s', async (_case, sync) => {
    const prod = described.environments[1];
    const target = { ...prod.targets[0], sync };
    await render(pipeline([{ ...prod, targets: [target] }]));
    const links = within(await column('prod'))
      .queryAllByRole('link', { name: /^Live diff of/ })
      .map(link => link.getAttribute('href'));
    expect(links).toEqual(
      sync === 'OutOfSync'
        ? [`/?${new URLSearchParams({ diff: target.key })}`]
        : [],
    );
  });

  it('says so when no object delivers the service yet', async () => {
    await render(pipeline([]));
    expect(
      await screen.findByText(/delivers this service yet/),
    ).toBeInTheDocument();
  });
});
