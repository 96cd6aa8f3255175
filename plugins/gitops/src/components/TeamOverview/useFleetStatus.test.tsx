import type { ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { GitopsClient } from '../../api';
import { testApis } from '../../__testUtils__/apis';
import {
  cluster,
  manyTeamRows,
  TEAM_REF,
  teamStatus,
} from '../../__testUtils__/fixtures';
import {
  PrefetchContext,
  prefetchKeys,
  type Prefetched,
} from '../../prefetch/PrefetchContext';
import { useFleetStatus } from './useFleetStatus';

const STATUS = teamStatus(manyTeamRows(3));
const CLUSTERS = { items: [cluster()] };

/** A request prefetched under `key`, with its answer when `answered`. */
const prefetched = (
  key: string,
  value: unknown,
  answered: boolean,
): [string, Prefetched extends Map<string, infer R> ? R : never] => [
  key,
  {
    promise: Promise.resolve(value),
    startedAt: Date.now(),
    ...(answered ? { answer: { value } } : {}),
  },
];

function renderFleetStatus(answered: boolean) {
  const { apis } = testApis();
  const requests: Prefetched = new Map([
    prefetched(prefetchKeys.teamStatus(TEAM_REF), STATUS, answered),
    prefetched(prefetchKeys.clusters(), CLUSTERS, answered),
  ]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={apis}>
      <PrefetchContext.Provider value={requests}>
        {children}
      </PrefetchContext.Provider>
    </TestApiProvider>
  );
  return renderHook(() => useFleetStatus([TEAM_REF]), { wrapper });
}

describe('useFleetStatus with prefetched requests', () => {
  beforeEach(() => {
    jest
      .spyOn(GitopsClient.prototype, 'getTeamStatus')
      .mockResolvedValue(STATUS);
    jest
      .spyOn(GitopsClient.prototype, 'getClusters')
      .mockResolvedValue(CLUSTERS);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['answered', true, [3, 1]],
    ['still in flight', false, [undefined, undefined]],
  ])(
    'on its first render, with the requests %s, has the rows and clusters %j',
    (_, answered, expected) => {
      const { result } = renderFleetStatus(answered);
      expect([
        result.current.status.value?.rows.length,
        result.current.clusters?.length,
      ]).toEqual(expected);
    },
  );

  it('does not ask the backend again for answered requests', () => {
    renderFleetStatus(true);
    expect([
      jest.mocked(GitopsClient.prototype.getTeamStatus).mock.calls,
      jest.mocked(GitopsClient.prototype.getClusters).mock.calls,
    ]).toEqual([[], []]);
  });
});
