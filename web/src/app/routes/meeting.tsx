// Meeting mode for the feedback meeting: the agenda, then one chart per slide.
import { useCallback, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { preloadChartRenderer } from '../../components/chart-panel';
import { ATTR, modelLabel, parseModel, type ModelId } from '../../features/attribution/api/members';
import { CreditChart } from '../../features/attribution/components/credit-chart';
import { ModelComparisonChart } from '../../features/attribution/components/model-comparison-chart';
import { Skeleton } from '../../components/skeleton';
import { useFilters } from '../../features/filters/hooks/use-filters';
import { BreakdownChart } from '../../features/funnel/components/breakdown-chart';
import { FunnelChart } from '../../features/funnel/components/funnel-chart';
import { HeadlineTiles } from '../../features/funnel/components/headline-tiles';
import { TrendChart } from '../../features/funnel/components/trend-chart';
import { ConversionChart } from '../../features/lead-quality/components/conversion-chart';
import { RejectionReasonsChart, RejectionsByChannelChart } from '../../features/lead-quality/components/rejection-charts';
import { RevenueChart } from '../../features/lead-quality/components/revenue-chart';
import { FUNNEL } from '../../features/funnel/api/members';
import { QUALITY } from '../../features/lead-quality/api/members';
import { Agenda } from '../../features/meeting-mode/components/agenda';
import { MeetingDeck } from '../../features/meeting-mode/components/meeting-deck';
import type { Slide } from '../../features/meeting-mode/components/meeting-deck';
import { MeetingPack } from '../../features/meeting-mode/components/meeting-pack';
import { MARKETING_SLA, SALES_SLA } from '../../features/sla-review/api/members';
import { BreachList } from '../../features/sla-review/components/breach-list';
import { MarketingSlaChart } from '../../features/sla-review/components/marketing-sla-chart';
import { SlaRepChart } from '../../features/sla-review/components/sla-rep-chart';
import { SlaWeekChart } from '../../features/sla-review/components/sla-week-chart';
import { LeaksChart } from '../../features/velocity-leakage/components/leak-charts';
import { LEAK_RATE, LEAKS, VELOCITY } from '../../features/velocity-leakage/api/members';
import { StageVelocityChart } from '../../features/velocity-leakage/components/velocity-charts';
import { FILTER_DIMENSIONS, comparisonNote, describePeriod } from '../../lib/filters';
import type { ResolvedFilters } from '../../lib/filters';

const noDrill = () => undefined;

export const AGENDA = [
  { id: 'results', title: 'Results', detail: 'MQLs, conversion, won revenue against the previous period' },
  { id: 'metrics', title: 'Metrics', detail: 'Trends, channels and campaigns, velocity and leakage' },
  { id: 'sla', title: 'SLA compliance', detail: 'Sales follow-up and marketing’s MQL commitment' },
  { id: 'feedback', title: 'Lead-quality feedback', detail: 'Rejected leads and why; what converts' },
] as const;

type SectionId = (typeof AGENDA)[number]['id'];

interface SlideNotes {
  /** What the slide shows, for the presenter. */
  readonly note: string;
  /** Members whose descriptions (from the model, via /meta) follow the note. */
  readonly members: readonly string[];
}

function slide(section: SectionId, id: string, title: string, render: () => ReactNode, notes: SlideNotes): Slide {
  const s = AGENDA.find((a) => a.id === section);
  return { id, section, sectionTitle: s?.title ?? section, title, render, ...notes };
}

/**
 * The deck's slides in agenda order. `model` is the attribution model of the revenue-by-channel
 * slide: the Attribution page's choice when the deck was opened from it, else the default.
 */
export function meetingSlides(filters: ResolvedFilters, model: ModelId = parseModel(null)): Slide[] {
  const large = true;
  return [
    { id: 'agenda', section: 'agenda', sectionTitle: 'Feedback meeting', title: 'Agenda', render: () => <Agenda items={AGENDA} />, note: 'The review in four parts; N shows these notes on every slide.' },
    slide('results', 'headline', 'Headline results', () => <HeadlineTiles filters={filters} onDrill={noDrill} large={large} />, { note: 'This period against the comparison period; green is better, amber worse. Click a tile on the dashboard for the leads behind it.', members: [FUNNEL.mqlCount, FUNNEL.acceptanceRate, FUNNEL.mqlToSqlRate, FUNNEL.closeRate, FUNNEL.slaComplianceRate, FUNNEL.wonAmount] }),
    slide('results', 'funnel', 'Lead funnel: MQL → won', () => <FunnelChart filters={filters} onDrill={noDrill} large={large} />, { note: 'MQLs of the period and how far they got: each bar gives the step conversion and the share of MQLs.', members: [FUNNEL.mqlCount, FUNNEL.salCount, FUNNEL.sqlCount, FUNNEL.opportunityCount, FUNNEL.wonCount] }),
    slide('results', 'attribution-channel', `Revenue by channel · ${modelLabel(model)} attribution`, () => <CreditChart by="channel" model={model} filters={filters} large={large} />, { note: `Every marketing touch of each deal gets its share under the ${modelLabel(model)} model: revenue by close date, pipeline by creation date. The Attribution & ROI page switches models and opens each deal's journey.`, members: [ATTR.revenue, ATTR.pipeline] }),
    slide('results', 'attribution-models', 'Every model sums to the same revenue', () => <ModelComparisonChart filters={filters} large={large} />, { note: 'The eight attribution models side by side for the same channels: they disagree on which channel gets the credit, never on the total.', members: [ATTR.revenue] }),
    slide('metrics', 'trend', 'Monthly MQLs, SQLs and won', () => <TrendChart filters={filters} onDrill={noDrill} large={large} />, { note: 'MQLs, SQLs and won deals by month of MQL; recent months have had less time to convert.', members: [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] }),
    slide('metrics', 'by-channel', 'Results by channel', () => <BreakdownChart by="channel" filters={filters} onDrill={noDrill} large={large} />, { note: 'The same funnel split by channel (lead sources mapped to channels in agreement.yml).', members: [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount, FUNNEL.wonAmount] }),
    slide('metrics', 'by-campaign', 'Results by campaign', () => <BreakdownChart by="campaign" filters={filters} onDrill={noDrill} large={large} />, { note: 'The same funnel split by campaign, largest first.', members: [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount, FUNNEL.wonAmount] }),
    slide('metrics', 'velocity', 'Days between stages', () => <StageVelocityChart filters={filters} onDrill={noDrill} large={large} />, { note: 'Typical (median) and slow (90th percentile) days from the previous stage to each stage.', members: [VELOCITY.medianFromPrevious, VELOCITY.p90FromPrevious] }),
    slide('metrics', 'leaks', 'Leakage between tools', () => <LeaksChart filters={filters} onDrill={noDrill} large={large} />, { note: 'MQLs lost between the tools; the lists behind each bar are on the Velocity & leakage page.', members: [LEAK_RATE.leakRate, LEAKS.leakedMqls] }),
    slide('sla', 'sla-week', 'Sales follow-up by week', () => <SlaWeekChart filters={filters} onDrill={noDrill} large={large} />, { note: 'Share of handed-off MQLs that sales first touched within the agreed hours, by week of handoff.', members: [SALES_SLA.complianceRate, SALES_SLA.metCount, SALES_SLA.breachedCount] }),
    slide('sla', 'sla-team', 'Sales follow-up by team', () => <SlaRepChart by="team" filters={filters} onDrill={noDrill} large={large} />, { note: 'Sales follow-up compliance by team.', members: [SALES_SLA.complianceRate, SALES_SLA.medianHours] }),
    slide('sla', 'breaches', 'Leads that missed follow-up', () => <BreachList filters={filters} large={large} />, { note: 'The leads that missed the follow-up SLA, latest first; the full list is on the SLA review page and in its CSV export.', members: [SALES_SLA.hoursToFirstTouch] }),
    slide('sla', 'marketing-sla', 'Marketing: MQLs delivered vs committed', () => <MarketingSlaChart by="month" filters={filters} onDrill={noDrill} large={large} />, { note: 'MQLs marketing delivered against its commitment per month (agreement.yml).', members: [MARKETING_SLA.delivered, MARKETING_SLA.committed, MARKETING_SLA.attainment] }),
    slide('feedback', 'rejection-reasons', 'Why sales rejected leads', () => <RejectionReasonsChart filters={filters} onDrill={noDrill} large={large} />, { note: 'Why sales rejected leads, most frequent first.', members: [QUALITY.rejectedCount] }),
    slide('feedback', 'rejections-by-channel', 'Rejections by channel', () => <RejectionsByChannelChart filters={filters} onDrill={noDrill} large={large} />, { note: 'Rejections by channel and reason: where marketing can tighten targeting.', members: [QUALITY.rejectedCount] }),
    slide('feedback', 'conversion', 'Acceptance and conversion by channel', () => <ConversionChart by="channel" filters={filters} onDrill={noDrill} large={large} />, { note: 'Acceptance and conversion by channel: what converts.', members: [QUALITY.acceptanceRate, QUALITY.mqlToSqlRate, QUALITY.closeRate] }),
    slide('feedback', 'revenue', 'Closed-loop revenue by channel', () => <RevenueChart by="channel" filters={filters} onDrill={noDrill} large={large} />, { note: 'Won revenue traced back to the channel the lead came from (its original source, mapped by the agreement).', members: [QUALITY.wonAmount] }),
  ];
}

function describeFilters(filters: ResolvedFilters): string {
  const note = comparisonNote(filters);
  const parts = [`Period ${describePeriod(filters)}`];
  if (note?.kind === 'compared') parts.push(`vs ${note.text}`);
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
    for (const key of ['slide', 'section', 'back', 'pack']) next.delete(key);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    const search = next.toString();
    void navigate(`${back.startsWith('/') ? back : '/'}${search ? `?${search}` : ''}`);
  }, [params, navigate]);

  const pack = params.get('pack') === '1';
  const setPack = useCallback(
    (on: boolean) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (on) next.set('pack', '1');
          else next.delete('pack');
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  const openPack = useCallback(() => setPack(true), [setPack]);
  const closePack = useCallback(() => setPack(false), [setPack]);

  useEffect(preloadChartRenderer, []);

  useEffect(() => {
    document.title = 'Meeting · Closedloop';
    return () => {
      document.title = 'Closedloop';
    };
  }, []);

  if (!state.resolved) return <Skeleton height={480} label="Loading meeting" />;
  const context = describeFilters(state.resolved);
  if (pack) return <MeetingPack slides={slides} context={context} asOf={state.asOf} onBack={closePack} />;
  return (
    <MeetingDeck
      slides={slides}
      index={index}
      onIndexChange={setIndex}
      onExit={exit}
      onPrint={openPack}
      context={state.asOf ? `${context} · data as of ${state.asOf}` : context}
    />
  );
}
