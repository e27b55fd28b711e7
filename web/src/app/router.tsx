import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Skeleton } from '../components/skeleton';
import { preloadable, type Preloadable } from '../lib/preloadable';
import { Layout } from './routes/layout';

// One entry per route path (the navigation's order and labels: pages.ts).
const ROUTES: Readonly<Record<string, Preloadable<object>>> = {
  '/': preloadable(() => import('./routes/funnel')),
  '/sla': preloadable(() => import('./routes/sla-review')),
  '/lead-quality': preloadable(() => import('./routes/lead-quality')),
  '/velocity': preloadable(() => import('./routes/velocity-leakage')),
  '/explore': preloadable(() => import('./routes/explore')),
  '/agreement': preloadable(() => import('./routes/agreement')),
  '/attribution': preloadable(() => import('./routes/attribution')),
  '/meeting': preloadable(() => import('./routes/meeting')),
};
const NotFoundRoute = preloadable(() => import('./routes/not-found'));

/**
 * Starts loading the page at `pathname` (the one the app opens on) alongside the app itself,
 * so that it renders without a loading state once the layout is ready.
 */
export function preloadRoute(pathname: string): void {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  void (ROUTES[path] ?? NotFoundRoute).preload();
}

const fallback = <Skeleton height={320} label="Loading page" />;

function page(Page: Preloadable<object>) {
  return (
    <Suspense fallback={fallback}>
      <Page />
    </Suspense>
  );
}

export function AppRouter() {
  const { '/meeting': meeting, ...inLayout } = ROUTES;
  return (
    <BrowserRouter>
      <Routes>
        {meeting && <Route path="/meeting" element={page(meeting)} />}
        <Route element={<Layout />}>
          {Object.entries(inLayout).map(([path, Page]) =>
            path === '/' ? <Route key={path} index element={page(Page)} /> : <Route key={path} path={path.slice(1)} element={page(Page)} />,
          )}
          <Route path="*" element={page(NotFoundRoute)} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
