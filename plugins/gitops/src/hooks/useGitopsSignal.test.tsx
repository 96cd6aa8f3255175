import { renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import type { ReactNode } from 'react';
import { testApis } from '../__testUtils__/apis';
import { setupGitopsServer } from '../__testUtils__/server';
import { GITOPS_SIGNAL_CHANNEL, useGitopsSignal } from './useGitopsSignal';

const ORDERS = 'component:default/orders';
const BILLING = 'component:default/billing';

setupGitopsServer();

function renderWithSignals(refs: string[] = [ORDERS]) {
  const { apis, signals } = testApis();
  const onChange = jest.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={apis}>{children}</TestApiProvider>
  );
  const hook = renderHook(
    ({ watched }: { watched: string[] }) => useGitopsSignal(watched, onChange),
    { wrapper, initialProps: { watched: refs } },
  );
  return { signals, onChange, hook };
}

describe('useGitopsSignal', () => {
  it.each([
    ['a signal naming the entity', [[ORDERS]], 1],
    ['a signal naming only other entities', [[BILLING]], 0],
    // Two messages before a render: the first names the entity, the second does not.
    ['the entity, then at once another entity', [[ORDERS], [BILLING]], 1],
    ['the entity twice in a row', [[ORDERS], [BILLING, ORDERS]], 2],
  ])('%s', (_case, messages, calls) => {
    const { signals, onChange } = renderWithSignals();
    for (const entityRefs of messages) {
      signals.publish(GITOPS_SIGNAL_CHANNEL, { entityRefs, clusters: [] });
    }
    expect(onChange).toHaveBeenCalledTimes(calls);
  });

  it('ignores a message without entity refs', () => {
    const { signals, onChange } = renderWithSignals();
    signals.publish(GITOPS_SIGNAL_CHANNEL, { clusters: ['dev'] });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('follows the refs the view shows now (a team view learns its services from its answer)', () => {
    const { signals, onChange, hook } = renderWithSignals([]);
    hook.rerender({ watched: [ORDERS] });
    signals.publish(GITOPS_SIGNAL_CHANNEL, {
      entityRefs: [ORDERS],
      clusters: [],
    });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stops calling once the view unmounts', () => {
    const { signals, onChange, hook } = renderWithSignals();
    hook.unmount();
    signals.publish(GITOPS_SIGNAL_CHANNEL, {
      entityRefs: [ORDERS],
      clusters: [],
    });
    expect(onChange).not.toHaveBeenCalled();
  });
});
