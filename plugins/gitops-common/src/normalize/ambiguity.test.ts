import { ObjectStatus } from '../schema';
import { withAmbiguity } from './ambiguity';

const object = (entityRefs: string[]) =>
  ({ key: 'dev/argoproj.io/Rollout/shop/shop', entityRefs } as ObjectStatus);

describe('withAmbiguity', () => {
  it.each([
    ['claimed by the entity alone', ['component:default/shop'], undefined],
    [
      'claimed by another entity too',
      ['component:default/shop', 'component:default/cart'],
      ['component:default/cart'],
    ],
    [
      'claimed by two others, refs compared case-insensitively',
      [
        'Component:Default/Shop',
        'component:default/cart',
        'system:default/web',
      ],
      ['component:default/cart', 'system:default/web'],
    ],
  ])('flags an object %s', (_name, entityRefs, alsoClaimedBy) => {
    const [flagged] = withAmbiguity('component:default/shop', [
      object(entityRefs),
    ]);
    expect(flagged.alsoClaimedBy).toEqual(alsoClaimedBy);
  });
});
