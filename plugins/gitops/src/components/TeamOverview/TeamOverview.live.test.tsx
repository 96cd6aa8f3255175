import { act, screen } from '@testing-library/react';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis } from '../../__testUtils__/render';
import {
  manyTeamRows,
  TEAM_REF,
  teamStatus,
} from '../../__testUtils__/fixtures';
import { TeamOverview } from './TeamOverview';

describe('TeamOverview live updates', () => {
  const backend = setupGitopsServer();
  beforeEach(() => backend.serve('/clusters', { items: [] }));

  it('refetches when a signal names a service the team owns', async () => {
    let calls = 0;
    backend.serve('/teams/default/team-a/status', () => {
      calls += 1;
      return teamStatus(manyTeamRows(calls === 1 ? 2 : 3));
    });
    const { signals } = await renderWithApis(
      <TeamOverview teamRef={TEAM_REF} />,
    );
    expect(await screen.findByText('2 of 2 services')).toBeInTheDocument();
    act(() =>
      signals.publish('gitops:status', {
        entityRefs: ['component:default/svc-001'],
        clusters: ['prod-eu'],
      }),
    );
    expect(await screen.findByText('3 of 3 services')).toBeInTheDocument();
  });

  it('shows an empty state when the team has no GitOps objects', async () => {
    backend.serve('/teams/default/team-a/status', teamStatus([]));
    await renderWithApis(<TeamOverview teamRef={TEAM_REF} />);
    expect(
      await screen.findByText('No GitOps objects found for this team'),
    ).toBeInTheDocument();
  });
});
