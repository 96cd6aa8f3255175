import { screen, within } from '@testing-library/react';
import type { RolloutInfo } from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { argoApp, entityStatus } from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const HISTORY = '/entities/component/default/shop/history';

/** A Flagger Canary record as the backend serves it. */
const canary = (rollout: RolloutInfo) =>
  argoApp({
    engine: 'flagger',
    kind: 'Canary',
    apiVersion: 'flagger.app/v1beta1',
    key: 'prod-eu/flagger.app/Canary/shop/web',
    namespace: 'shop',
    name: 'web',
    sync: 'Unknown',
    health: { status: 'Progressing' },
    revision: undefined,
    source: undefined,
    rollout,
  });

describe('EntityGitopsContent with a Flagger Canary', () => {
  const backend = setupGitopsServer();

  beforeEach(() => {
    backend.serve(HISTORY, { items: [] });
  });

  it.each<[string, RolloutInfo, string]>([
    [
      'mid-analysis',
      {
        phase: 'Progressing',
        canaryWeight: 20,
        failedChecks: 0,
        iterations: 0,
        message: 'Advance web.shop canary weight 20',
      },
      'Canary: Progressing · canary 20% — Advance web.shop canary weight 20',
    ],
    [
      'failing checks in an A/B test',
      { phase: 'Progressing', canaryWeight: 0, iterations: 3, failedChecks: 2 },
      'Canary: Progressing · canary 0% · 3 iterations · 2 failed checks',
    ],
    [
      'promoted',
      { phase: 'Succeeded', canaryWeight: 0, failedChecks: 0, iterations: 0 },
      'Canary: Succeeded · canary 0%',
    ],
  ])('shows the phase and weight of a Canary %s', async (_name, info, text) => {
    backend.serve(STATUS, entityStatus([canary(info)]));
    await renderWithApis(<EntityGitopsContent />, { entity: shopEntity });
    const summary = await screen.findByRole('group', { name: 'Canary web' });
    expect(within(summary).getByLabelText('Canary progress')).toHaveTextContent(
      text,
    );
  });
});
