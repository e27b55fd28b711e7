import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

function Page({ name }: { readonly name: string }) {
  return <p>page {name}</p>;
}

const render = (node: React.ReactNode) => renderToString(<Suspense fallback={<p>loading</p>}>{node}</Suspense>);

describe('preloadable', () => {
  it('suspends while its chunk has not loaded, and renders at once after preload()', async () => {
    let loads = 0;
    const Lazy = preloadable(async () => {
      loads += 1;
      return { default: Page };
    });
    // Not loaded yet: the fallback (renderToString does not wait for Suspense).
    expect(render(<Lazy name="a" />)).toContain('loading');
    await Lazy.preload();
    // A plain React.lazy would still suspend on this first render of a new instance.
    expect(render(<Lazy name="b" />)).toContain('page <!-- -->b');
    await Lazy.preload();
    expect(loads).toBe(1);
  });
});
