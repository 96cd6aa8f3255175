import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { gitopsApiRef, GitopsClient } from '../api';
import { TestSignalApi } from './TestSignalApi';

/** The real GitopsClient against the msw server, plus a pushable signal API. */
export function testApis() {
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
  ] as const;
  return { client, signals, apis, discoveryApi, fetchApi };
}
