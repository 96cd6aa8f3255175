import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, teamEntity } from '../../__testUtils__/render';
import { manyTeamRows, teamStatus } from '../../__testUtils__/fixtures';
import { TeamOverviewPage } from './TeamOverviewPage';

describe('TeamOverviewPage', () => {
  const backend = setupGitopsServer();

  it('shows the team picked in the team picker', async () => {
    backend.serve('/teams/default/team-a/status', teamStatus(manyTeamRows(2)));
    await renderWithApis(<TeamOverviewPage />, {
      extraApis: [
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              teamEntity,
              {
                ...teamEntity,
                metadata: { name: 'team-b', namespace: 'default' },
              },
            ],
          }),
        ],
      ],
    });
    expect(
      screen.getByText('Pick a team to see its services.'),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: /^Team/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'team-a',
      }),
    );
    expect(await screen.findAllByTestId('team-row')).toHaveLength(2);
  });
});
