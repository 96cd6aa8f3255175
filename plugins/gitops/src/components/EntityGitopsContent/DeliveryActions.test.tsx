import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { DeliveryActions, promotionSteps } from './DeliveryActions';

const PROMOTIONS = `${BASE_URL}/entities/component/default/shop/promotions`;
const ROLLBACKS = `${BASE_URL}/entities/component/default/shop/rollbacks`;

describe('DeliveryActions', () => {
  const backend = setupGitopsServer();
  // usePermission caches decisions per resource across renders: the denied case uses an entity of its own.
  const otherEntity = {
    ...shopEntity,
    metadata: { ...shopEntity.metadata, name: 'other' },
  };
  const render = (
    permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    entity = shopEntity,
  ) =>
    renderWithApis(
      <DeliveryActions
        entity={entity}
        environments={['dev', 'staging', 'prod']}
      />,
      { permission },
    );

  it.each([
    [['dev'], []],
    [
      ['dev', 'staging', 'prod'],
      [
        { from: 'dev', to: 'staging' },
        { from: 'staging', to: 'prod' },
      ],
    ],
  ])('offers each environment to the next: %j', (environments, steps) => {
    expect(promotionSteps(environments)).toEqual(steps);
  });

  it('shows no promote or roll back button to a user the policy does not allow', async () => {
    await render(AuthorizeResult.DENY, otherEntity);
    expect(
      screen.queryByRole('button', { name: /Promote|Roll back/ }),
    ).not.toBeInTheDocument();
  });

  it('rolls an environment back through a confirmed pull request', async () => {
    const requests: unknown[] = [];
    backend.server.use(
      http.post(ROLLBACKS, async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json(
          {
            url: 'https://github.com/acme/gitops-config/pull/13',
            number: 13,
            branch: 'gitops/rollback/shop-prod',
          },
          { status: 201 },
        );
      }),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back prod' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(
      await screen.findByRole('link', { name: /#13/ }),
    ).toBeInTheDocument();
    expect(requests).toEqual([{ environment: 'prod' }]);
  });

  it('asks for confirmation, opens the pull request and links to it', async () => {
    const requests: unknown[] = [];
    backend.server.use(
      http.post(PROMOTIONS, async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json(
          {
            url: 'https://github.com/acme/gitops-config/pull/12',
            number: 12,
            branch: 'gitops/promote/shop-staging',
          },
          { status: 201 },
        );
      }),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote dev → staging' }),
    );
    expect(requests).toEqual([]); // nothing before confirming
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(await screen.findByRole('link', { name: /#12/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/gitops-config/pull/12',
    );
    expect(requests).toEqual([{ from: 'dev', to: 'staging' }]);
  });

  it('shows the backend refusal in the dialog', async () => {
    backend.server.use(
      http.post(PROMOTIONS, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'Nothing to promote: staging already runs the image of dev',
            },
          },
          { status: 409 },
        ),
      ),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote dev → staging' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(await screen.findByText(/Nothing to promote/)).toBeInTheDocument();
  });
});
