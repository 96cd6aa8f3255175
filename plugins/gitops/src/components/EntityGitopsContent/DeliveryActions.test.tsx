import { getDefaultNormalizer, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import { BASE_URL, delivery } from '../../__testUtils__/fixtures';
import { PromotionPipeline } from './PromotionPipeline';
import { pipeline, pipelineEnvironment } from './pipelineFixture';

const PROMOTIONS = `${BASE_URL}/entities/component/default/shop/promotions`;
const ROLLBACKS = `${BASE_URL}/entities/component/default/shop/rollbacks`;

const PROMOTION_DIFF = `Index: apps/shop/overlays/prod/kustomization.yaml
===================================================================
--- a/apps/shop/overlays/prod/kustomization.yaml
+++ b/apps/shop/overlays/prod/kustomization.yaml
@@ -4,3 +4,3 @@
 images:
   - name: ghcr.io/acme/shop
-    newTag: 1.3.1
+    newTag: 1.4.0
`;

const THREE_ENVIRONMENTS = pipeline(
  ['dev', 'staging', 'prod'].map(env => pipelineEnvironment(env)),
);

/** The backend's answers: a preview with `?dryRun=true`, else the opened PR; every body is recorded. */
function answer(
  calls: Array<{ dryRun: boolean; body: unknown }>,
  opened: { number: number; branch: string },
  diff = PROMOTION_DIFF,
) {
  return async ({ request }: { request: Request }) => {
    const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
    calls.push({ dryRun, body: await request.json() });
    if (dryRun) {
      return HttpResponse.json({
        status: 'preview',
        branch: opened.branch,
        files: [
          {
            path: 'apps/shop/overlays/prod/kustomization.yaml',
            change: 'write',
            diff,
          },
        ],
      });
    }
    return HttpResponse.json(
      {
        url: `https://github.com/acme/gitops-config/pull/${opened.number}`,
        ...opened,
      },
      { status: 201 },
    );
  };
}

describe('the promotion pipeline’s promote and roll back actions', () => {
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
      <PromotionPipeline entity={entity} pipeline={THREE_ENVIRONMENTS} />,
      { permission },
    );

  it('offers every environment to every later one', async () => {
    await render(AuthorizeResult.ALLOW);
    expect(
      (await screen.findAllByRole('button', { name: /^Promote/ })).map(
        button => button.textContent,
      ),
    ).toEqual([
      'Promote dev → staging',
      'Promote dev → prod',
      'Promote staging → prod',
    ]);
  });

  it.each([
    ['dev', ['Promote dev → staging', 'Promote dev → prod', 'Roll back dev']],
    ['staging', ['Promote staging → prod', 'Roll back staging']],
    ['prod', ['Roll back prod']],
  ])('puts the buttons of %s on its column', async (environment, labels) => {
    await render(AuthorizeResult.ALLOW);
    const column = await screen.findByRole('region', {
      name: `Environment ${environment}`,
    });
    await within(column).findByRole('button', { name: labels[0] });
    expect(
      within(column)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(labels);
  });

  it('shows no promote or roll back button to a user the policy does not allow', async () => {
    await render(AuthorizeResult.DENY, otherEntity);
    await screen.findByRole('region', { name: 'Environment prod' });
    expect(
      screen.queryByRole('button', { name: /Promote|Roll back/ }),
    ).not.toBeInTheDocument();
  });

  it('says which permissions a user without buttons lacks', async () => {
    await render(AuthorizeResult.DENY, otherEntity);
    expect(
      await screen.findByText(
        'You cannot promote or roll back other: the permission policy does not grant you gitops.promote and gitops.rollback on it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the proposed change before opening the pull request, then links to it', async () => {
    const calls: Array<{ dryRun: boolean; body: unknown }> = [];
    backend.server.use(
      http.post(
        PROMOTIONS,
        answer(calls, { number: 12, branch: 'gitops/promote/shop-prod' }),
      ),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote dev → prod' }),
    );

    const change = await screen.findByRole('region', {
      name: 'Proposed change',
    });
    // Diff lines keep their indentation.
    const exact = {
      normalizer: getDefaultNormalizer({ collapseWhitespace: false }),
    };
    expect(
      within(change).getByText('+    newTag: 1.4.0', exact),
    ).toBeInTheDocument();
    expect(
      within(change).getByText('-    newTag: 1.3.1', exact),
    ).toBeInTheDocument();
    expect(calls).toEqual([
      { dryRun: true, body: { from: 'dev', to: 'prod' } },
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(await screen.findByRole('link', { name: /#12/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/gitops-config/pull/12',
    );
    expect(calls[1]).toEqual({
      dryRun: false,
      body: { from: 'dev', to: 'prod' },
    });
  });

  it('rolls an environment back to a point of its delivery history', async () => {
    const older = 'a'.repeat(40);
    backend.serve('/entities/component/default/shop/deliveries', {
      entityRef: 'component:default/shop',
      items: [
        delivery({
          number: 14,
          title: 'Promote shop staging → prod',
          mergeCommit: 'b'.repeat(40),
          environments: [{ environment: 'prod', changed: true, targets: [] }],
        }),
        delivery({
          number: 9,
          title: 'Promote shop staging → prod',
          mergeCommit: older,
          environments: [{ environment: 'prod', changed: true, targets: [] }],
        }),
      ],
    });
    const calls: Array<{ dryRun: boolean; body: unknown }> = [];
    backend.server.use(
      http.post(
        ROLLBACKS,
        answer(calls, { number: 13, branch: 'gitops/rollback/shop-prod' }),
      ),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back prod' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Roll back to/ }),
    );
    // #14 is what runs now: only the earlier point is offered besides undoing the last change.
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'before the last change to prod',
      `#9 Promote shop staging → prod (aaaaaaa)`,
    ]);
    await userEvent.click(options[1]);
    await screen.findByRole('region', { name: 'Proposed change' });
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );

    expect(
      await screen.findByRole('link', { name: /#13/ }),
    ).toBeInTheDocument();
    expect(calls.map(call => call.body)).toEqual([
      { environment: 'prod' },
      { environment: 'prod', toRevision: older },
      { environment: 'prod', toRevision: older },
    ]);
    expect(calls.map(call => call.dryRun)).toEqual([true, true, false]);
  });

  it("shows the backend's refusal of the proposed change in the dialog", async () => {
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
    expect(await screen.findByText(/Nothing to promote/)).toBeInTheDocument();
  });
});
