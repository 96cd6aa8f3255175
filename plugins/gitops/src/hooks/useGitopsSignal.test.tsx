import { renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { ReactNode } from 'react';
import { TestSignalApi } from '../__testUtils__/TestSignalApi';
import { GITOPS_SIGNAL_CHANNEL, useGitopsSignal } from './useGitopsSignal';

const ORDERS = 'component:default/orders';
const BILLING = 'component:default/billing';

function renderWithSignals() {
  const signals = new TestSignalApi();
  const onChange = jest.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[signalApiRef, signals]]}>
      {children}
    </TestApiProvider>
  );
  renderHook(() => useGitopsSignal([ORDERS], onChange), { wrapper });
  return { signals, onChange };
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
});
