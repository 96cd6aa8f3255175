import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { RenderResult } from '@testing-library/react';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { GitopsClient } from '../api';
import { testApis } from './apis';
import type { TestSignalApi } from './TestSignalApi';

export const shopEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team-a' },
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Renders `element` in a test app with the real client and `entity` in context. */
export async function renderWithApis(
  element: ReactElement,
  options: {
    entity?: Entity;
    extraApis?: Parameters<typeof TestApiProvider>[0]['apis'];
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** The URL the app opens at (a query such as `?diff=` included). */
    path?: string;
  } = {},
): Promise<RenderResult & { signals: TestSignalApi; client: GitopsClient }> {
  const { apis, signals, client } = testApis(options.permission);
  const tree = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const rendered = await renderInTestApp(
    <TestApiProvider apis={[...apis, ...(options.extraApis ?? [])]}>
      {tree}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(options.path ? { routeEntries: [options.path] } : {}),
    },
  );
  return { ...rendered, signals, client };
}
