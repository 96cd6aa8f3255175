import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { KubeEmulator } from '@internal/kube-emulator';
import { gitopsPlugin } from '../plugin';
import { application, clusterConfigEntry } from './clusters';
import { component, databaseXrd, group } from './fixtures';

export const ID = 'backstage.io/kubernetes-id';
export const entities = [
  component('shop', 'team-a', { [ID]: 'shop' }),
  component('cart', 'group:default/team-a', {
    'backstage.io/kubernetes-label-selector': 'app=cart',
  }),
  component('ledger', 'team-c', { [ID]: 'ledger' }),
  component('bare', 'team-b'),
  group('team-a'),
  group('team-b'),
];

export function seed(emulator: KubeEmulator) {
  emulator
    .cluster('dev')
    .apply([
      application('shop', {}, { [ID]: 'shop' }),
      application(
        'cart',
        { health: 'Degraded', sync: 'OutOfSync' },
        { app: 'cart' },
      ),
      application('ledger', {}, { [ID]: 'ledger' }),
      application('orphan', { health: 'Progressing' }),
      databaseXrd(),
    ]);
}

export async function startBackend(
  emulator: KubeEmulator,
  extra: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** More features or service doubles (e.g. a permissions service deciding per entity). */
    features?: Parameters<typeof startTestBackend>[0]['features'];
    /** More `gitops.*` config. */
    gitops?: Record<string, unknown>;
    /** The catalog's entities instead of {@link entities}. */
    entities?: typeof entities;
  } = {},
) {
  const publish = jest.fn(async () => {});
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({ entities: extra.entities ?? entities }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish }),
      }),
      mockServices.rootConfig.factory({
        data: {
          gitops: {
            clusters: [clusterConfigEntry(emulator.cluster('dev'))],
            staleAfter: '1h',
            ...extra.gitops,
          },
        },
      }),
      ...(extra.permission
        ? [mockServices.permissions.factory({ result: extra.permission })]
        : []),
      ...(extra.features ?? []),
    ],
  });
  return { backend, publish, server: backend.server };
}
