import { Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import { preloadable } from './preloadable';

const view = () =>
  preloadable(
    async () => ({ View: () => <p>shop</p> }),
    module => module.View,
  );

function renderInSuspense(element: JSX.Element) {
  return render(<Suspense fallback={<p>loading</p>}>{element}</Suspense>);
}

describe('preloadable', () => {
  it('renders a module that has loaded in its first render, without suspending', async () => {
    const { load, Component } = view();
    await load();
    renderInSuspense(<Component />);
    expect(screen.getByText('shop')).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
  });

  it('suspends until its module has loaded when rendered first', async () => {
    const { Component } = view();
    renderInSuspense(<Component />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('shop')).toBeInTheDocument();
  });
});
