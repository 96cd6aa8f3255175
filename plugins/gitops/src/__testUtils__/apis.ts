import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { gitopsApiRef, GitopsClient } from '../api';
import { TestSignalApi } from './TestSignalApi';

/** The real GitopsClient against the msw server, a pushable signal API, and a permission decision (default DENY). */
export function testApis(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.DENY,
) {
  const discoveryApi = mockApis.discovery({
    baseUrl: 'http://gitops.test',
  });
  const fetchApi = new MockFetchApi();
  const client = new GitopsClient({ discoveryApi, fetchApi });
  const signals = new TestSignalApi();
  const apis = [
    [gitopsApiRef, client],
    [discoveryApiRef, discoveryApi],
    [fetchApiRef, fetchApi],
    [signalApiRef, signals],
    [permissionApiRef, mockApis.permission({ authorize: permission })],
  ] as const;
  return { client, signals, apis, discoveryApi, fetchApi };
}
