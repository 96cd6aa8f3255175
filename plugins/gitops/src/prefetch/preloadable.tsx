import {
  lazy,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';

/**
 * A component without props whose code is a separate chunk, like `React.lazy`, and its `load`. A `React.lazy`
 * component suspends on its first render even when its chunk has long arrived (`PrefetchTabFromUrl` started it at
 * sign-in): the entity page then commits a fallback and renders the tab once more. Rendered after `load` has
 * resolved, this one renders the loaded component at once; before, it is the lazy one (suspending as usual).
 */
export function preloadable<M>(
  importer: () => Promise<M>,
  pick: (module: M) => ComponentType,
) {
  let loaded: M | undefined;
  const load = () =>
    importer().then(module => {
      loaded = module;
      return module;
    });
  const Lazy = lazy(() => load().then(module => ({ default: pick(module) })));
  function Preloadable() {
    // Chosen once per mount: switching from the lazy type to the loaded one would remount the view.
    const [Component] = useState<
      ComponentType | LazyExoticComponent<ComponentType>
    >(() => (loaded ? pick(loaded) : Lazy));
    return <Component />;
  }
  return { load, Component: Preloadable };
}
