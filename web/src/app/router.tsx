import { Suspense, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Skeleton } from '../components/skeleton';
import { Layout } from './routes/layout';

const FunnelRoute = lazy(() => import('./routes/funnel'));
const SlaRoute = lazy(() => import('./routes/sla-review'));
const LeadQualityRoute = lazy(() => import('./routes/lead-quality'));
const VelocityRoute = lazy(() => import('./routes/velocity-leakage'));
const ExploreRoute = lazy(() => import('./routes/explore'));
const AttributionRoute = lazy(() => import('./routes/attribution'));
const MeetingRoute = lazy(() => import('./routes/meeting'));
const AgreementRoute = lazy(() => import('./routes/agreement'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));

const fallback = <Skeleton height={320} label="Loading page" />;

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/meeting"
          element={
            <Suspense fallback={fallback}>
              <MeetingRoute />
            </Suspense>
          }
        />
        <Route element={<Layout />}>
          <Route index element={<Suspense fallback={fallback}><FunnelRoute /></Suspense>} />
          <Route path="sla" element={<Suspense fallback={fallback}><SlaRoute /></Suspense>} />
          <Route path="lead-quality" element={<Suspense fallback={fallback}><LeadQualityRoute /></Suspense>} />
          <Route path="velocity" element={<Suspense fallback={fallback}><VelocityRoute /></Suspense>} />
          <Route path="explore" element={<Suspense fallback={fallback}><ExploreRoute /></Suspense>} />
          <Route path="agreement" element={<Suspense fallback={fallback}><AgreementRoute /></Suspense>} />
          <Route path="attribution" element={<Suspense fallback={fallback}><AttributionRoute /></Suspense>} />
          <Route path="*" element={<Suspense fallback={fallback}><NotFoundRoute /></Suspense>} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
