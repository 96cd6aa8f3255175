import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis, shopEntity } from '../../__testUtils__/render';
import {
  argoApp,
  cluster,
  entityStatus,
  SHOP_REF,
} from '../../__testUtils__/fixtures';
import { EntityGitopsContent } from './EntityGitopsContent';

const STATUS = '/entities/component/default/shop/status';
const CART_REF = 'component:default/cart';

describe('EntityGitopsContent ambiguous mappings', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<EntityGitopsContent />, { entity: shopEntity });

  beforeEach(() => {
    backend.serve('/entities/component/default/shop/history', { items: [] });
  });

  it('flags an object other entities claim too, naming them', async () => {
    backend.serve(
      STATUS,
      entityStatus(
        [
          argoApp({
            entityRefs: [SHOP_REF, CART_REF],
            alsoClaimedBy: [CART_REF],
          }),
        ],
        [cluster()],
      ),
    );
    await render();
    const chip = await screen.findByLabelText(
      `Ambiguous mapping: also shown on ${CART_REF}`,
    );
    await userEvent.hover(chip);
    expect(
      await screen.findByText(
        `Also shown on ${CART_REF}: their annotations match it too`,
      ),
    ).toBeInTheDocument();
  });

  it('does not flag an object only this entity claims', async () => {
    backend.serve(STATUS, entityStatus([argoApp()], [cluster()]));
    await render();
    await screen.findByRole('table', { name: 'Environments by cluster' });
    expect(screen.queryByText('Ambiguous')).not.toBeInTheDocument();
  });
});
