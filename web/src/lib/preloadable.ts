// React.lazy for a component whose chunk may have loaded before it first renders.
import { createElement, lazy, useState, type ComponentType } from 'react';

type Module<P> = { readonly default: ComponentType<P> };

export type Preloadable<P> = ComponentType<P> & {
  /** Starts loading the chunk (once); resolves when it has loaded. */
  readonly preload: () => Promise<void>;
};

/**
 * A lazy component that renders at once when its chunk has already loaded. A plain
 * `React.lazy` suspends on its first render whatever its promise's state, and React then
 * shows what replaces a fallback no sooner than 300 ms after the last fallback appeared
 * (its FALLBACK_THROTTLE_MS): the landing page and its charts waited ~300 ms each for
 * nothing. Each mounted instance keeps the type it started with (switching from the lazy
 * to the loaded component would remount it).
 */
export function preloadable<P extends object>(load: () => Promise<Module<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (pending ??= load().then((module) => {
      loaded = module.default;
    }));
  const Lazy = lazy(async (): Promise<Module<P>> => {
    await preload();
    return { default: loaded as ComponentType<P> };
  });
  function PreloadableComponent(props: P) {
    const [type] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return createElement(type, props);
  }
  return Object.assign(PreloadableComponent, { preload });
}
