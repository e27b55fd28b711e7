// Meeting mode for the feedback meeting: the agenda, then one chart per slide.
import { useCallback, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { preloadChartRenderer } from '../../components/chart-panel';
import { Skeleton } from '../../components/skeleton';
import { useFilters } from '../../features/filters/hooks/use-filters';
import { BreakdownChart } from '../../features/funnel/components/breakdown-chart';
import { FunnelChart } from '../../features/funnel/components/funnel-chart';
import { HeadlineTiles } from '../../features/funnel/components/headline-tiles';
import { TrendChart } from '../../features/funnel/components/trend-chart';
import { ConversionChart } from '../../features/lead-quality/components/conversion-chart';
import { RejectionReasonsChart, RejectionsByChannelChart } from '../../features/lead-quality/components/rejection-charts';
import { RevenueChart } from '../../features/lead-quality/components/revenue-chart';
import { DEFAULT_MODEL, modelLabel, parseModel, type ModelId } from '../../features/attribution/api/members';
import { CreditChart } from '../../features/attribution/components/credit-chart';
import { ModelComparisonChart } from '../../features/attribution/components/model-comparison-chart';
import { Agenda } from '../../features/meeting-mode/components/agenda';
import { MeetingDeck } from '../../features/meeting-mode/components/meeting-deck';
import type { Slide } from '../../features/meeting-mode/components/meeting-deck';
import { BreachList } from '../../features/sla-review/components/breach-list';
import { MarketingSlaChart } from '../../features/sla-review/components/marketing-sla-chart';
import { SlaRepChart } from '../../features/sla-review/components/sla-rep-chart';
import { SlaWeekChart } from '../../features/sla-review/components/sla-week-chart';
import { LeaksChart } from '../../features/velocity-leakage/components/leak-charts';
import { StageVelocityChart } from '../../features/velocity-leakage/components/velocity-charts';
import { FILTER_DIMENSIONS, describeRange } from '../../lib/filters';
import type { ResolvedFilters } from '../../lib/filters';

const noDrill = () => undefined;

export const AGENDA = [
  { id: 'results', title: 'Results', detail: 'MQLs, conversion, won revenue against the previous period; revenue by channel under each attribution model' },
  { id: 'metrics', title: 'Metrics', detail: 'Trends, channels and campaigns, velocity and leakage' },
  { id: 'sla', title: 'SLA compliance', detail: 'Sales follow-up and marketing’s MQL commitment' },
  { id: 'feedback', title: 'Lead-quality feedback', detail: 'Rejected leads and why; what converts' },
] as const;

type SectionId = (typeof AGENDA)[number]['id'];

function slide(section: SectionId, id: string, title: string, render: () => ReactNode): Slide {
  const s = AGENDA.find((a) => a.id === section);
  return { id, section, sectionTitle: s?.title ?? section, title, render };
}

export function meetingSlides(filters: ResolvedFilters, model: ModelId = DEFAULT_MODEL): Slide[] {
  const large = true;
  return [
    { id: 'agenda', section: 'agenda', sectionTitle: 'Feedback meeting', title: 'Agenda', render: () => <Agenda items={AGENDA} /> },
    slide('results', 'headline', 'Headline results', () => <HeadlineTiles filters={filters} onDrill={noDrill} large={large} />),
    slide('results', 'funnel', 'Lead funnel: MQL → won', () => <FunnelChart filters={filters} onDrill={noDrill} large={large} />),
    slide('results', 'attribution-channel', `Revenue by channel, ${modelLabel(model)} attribution`, () => <CreditChart by="channel" model={model} filters={filters} large={large} />),
    slide('results', 'attribution-models', 'Every attribution model, the same revenue', () => <ModelComparisonChart filters={filters} large={large} />),
    slide('metrics', 'trend', 'Monthly MQLs, SQLs and won', () => <TrendChart filters={filters} onDrill={noDrill} large={large} />),
    slide('metrics', 'by-channel', 'Results by channel', () => <BreakdownChart by="channel" filters={filters} onDrill={noDrill} large={large} />),
    slide('metrics', 'by-campaign', 'Results by campaign', () => <BreakdownChart by="campaign" filters={filters} onDrill={noDrill} large={large} />),
    slide('metrics', 'velocity', 'Days between stages', () => <StageVelocityChart filters={filters} onDrill={noDrill} large={large} />),
    slide('metrics', 'leaks', 'Leakage between tools', () => <LeaksChart filters={filters} onDrill={noDrill} large={large} />),
    slide('sla', 'sla-week', 'Sales follow-up by week', () => <SlaWeekChart filters={filters} onDrill={noDrill} large={large} />),
    slide('sla', 'sla-team', 'Sales follow-up by team', () => <SlaRepChart by="team" filters={filters} onDrill={noDrill} large={large} />),
    slide('sla', 'breaches', 'Leads that missed follow-up', () => <BreachList filters={filters} large={large} />),
    slide('sla', 'marketing-sla', 'Marketing: MQLs delivered vs committed', () => <MarketingSlaChart by="month" filters={filters} onDrill={noDrill} large={large} />),
    slide('feedback', 'rejection-reasons', 'Why sales rejected leads', () => <RejectionReasonsChart filters={filters} onDrill={noDrill} large={large} />),
    slide('feedback', 'rejections-by-channel', 'Rejections by channel', () => <RejectionsByChannelChart filters={filters} onDrill={noDrill} large={large} />),
    slide('feedback', 'conversion', 'Acceptance and conversion by channel', () => <ConversionChart by="channel" filters={filters} onDrill={noDrill} large={large} />),
    slide('feedback', 'revenue', 'Closed-loop revenue by source', () => <RevenueChart by="source" filters={filters} onDrill={noDrill} large={large} />),
  ];
}

function describeFilters(filters: ResolvedFilters): string {
  const parts = [`Period ${describeRange(filters.dateRange)}`];
  for (const dim of FILTER_DIMENSIONS) {
    if (filters.dims[dim].length) parts.push(`${dim}: ${filters.dims[dim].join(', ')}`);
  }
  return parts.join(' · ');
}

export default function MeetingRoute() {
  const state = useFilters();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const model = parseModel(params.get('model'));
  const slides = useMemo(() => (state.resolved ? meetingSlides(state.resolved, model) : []), [state.resolved, model]);

  const slideParam = params.get('slide');
  const section = params.get('section');
  const index = useMemo(() => {
    if (slideParam !== null && /^\d+$/.test(slideParam)) return Math.min(Number(slideParam), Math.max(0, slides.length - 1));
    const first = slides.findIndex((s) => s.section === section);
    return first >= 0 && section !== 'results' ? first : 0;
  }, [slideParam, section, slides]);

  const setIndex = useCallback(
    (i: number) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('slide', String(i));
          next.delete('section');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const exit = useCallback(() => {
    const next = new URLSearchParams(params);
    const back = next.get('back') ?? '/';
    for (const key of ['slide', 'section', 'back']) next.delete(key);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    const search = next.toString();
    void navigate(`${back.startsWith('/') ? back : '/'}${search ? `?${search}` : ''}`);
  }, [params, navigate]);

  useEffect(preloadChartRenderer, []);

  useEffect(() => {
    document.title = 'Meeting · Closedloop';
    return () => {
      document.title = 'Closedloop';
    };
  }, []);

  if (!state.resolved) return <Skeleton height={480} label="Loading meeting" />;
  return <MeetingDeck slides={slides} index={index} onIndexChange={setIndex} onExit={exit} context={describeFilters(state.resolved)} />;
}
