import { screen, within } from '@testing-library/react';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, cluster, entityStatus } from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';
import { pipeline, pipelineEnvironment } from './pipelineFixture';

describe('EntityGitopsContent with its promotion pipeline', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve('/entities/component/default/shop/history', { items: [] });
    backend.serve(
      '/entities/component/default/shop/status',
      entityStatus([argoApp()], [cluster()]),
    );
    backend.serve(
      '/entities/component/default/shop/pipeline',
      pipeline([pipelineEnvironment('staging'), pipelineEnvironment('prod')]),
    );
  });

  it('shows the pipeline above the environments grid', async () => {
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    const pipelineRegion = await screen.findByRole('region', {
      name: 'Promotion pipeline',
    });
    expect(
      within(pipelineRegion).getByRole('region', { name: 'Environment prod' }),
    ).toBeInTheDocument();
    const grid = screen.getByRole('table', { name: 'Environments by cluster' });
    expect(
      // eslint-disable-next-line no-bitwise
      pipelineRegion.compareDocumentPosition(grid) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});
