import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import type { EntityTabResponse } from '@gitops-portal/plugin-gitops-common';
import { GitopsClient } from '../api';
import { testApis } from '../__testUtils__/apis';
import { shopEntity } from '../__testUtils__/render';
import { entityStatus, argoApp } from '../__testUtils__/fixtures';
import {
  PrefetchContext,
  prefetchKeys,
  type Prefetched,
} from '../prefetch/PrefetchContext';
import { useEntityGitops } from './useEntityGitops';

const TAB = {
  status: entityStatus([argoApp()]),
  pipeline: { entityRef: 'component:default/shop', environments: [], gaps: [] },
} as unknown as EntityTabResponse;

/** The tab's request, prefetched and answered before the tab mounts. */
const answered = (): Prefetched =>
  new Map([
    [
      prefetchKeys.entityTab('component:default/shop'),
      {
        promise: Promise.resolve(TAB),
        startedAt: Date.now(),
        answer: { value: TAB },
      },
    ],
  ]);

function renderTab(prefetched: Prefetched) {
  const { apis } = testApis();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={apis}>
      <PrefetchContext.Provider value={prefetched}>
        {children}
      </PrefetchContext.Provider>
    </TestApiProvider>
  );
  return renderHook(() => useEntityGitops(shopEntity), { wrapper });
}

describe('useEntityGitops with a prefetched answer', () => {
  let getEntityTab: jest.SpyInstance;
  beforeEach(() => {
    getEntityTab = jest
      .spyOn(GitopsClient.prototype, 'getEntityTab')
      .mockResolvedValue(TAB);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the answer on the first render, without asking again', () => {
    const { result } = renderTab(answered());
    expect([result.current.tab.loading, result.current.tab.value]).toEqual([
      false,
      TAB,
    ]);
    expect(getEntityTab).not.toHaveBeenCalled();
  });

  it('asks the backend on a refetch', async () => {
    const { result } = renderTab(answered());
    act(() => result.current.tab.refetch());
    await waitFor(() => expect(getEntityTab).toHaveBeenCalledTimes(1));
  });
});
