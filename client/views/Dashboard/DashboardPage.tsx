// The dashboard page (issue 12): for the signed-in user's scope, where a template's reports stand in a
// period below a unit, with a drill-down along the hierarchy in force for the period (province →
// district where it exists → commune or agency), timeliness over the last periods, and what one
// indicator says over time and across the units below. The address keeps every choice, so a view can
// be bookmarked, printed or sent. Loaded lazily with uPlot: the form never carries it.
import { createMemo, createResource, For, Show, untrack } from 'solid-js';
import type { Me } from '../../../schema/api';
import type { Round } from '../../../schema/template';
import type { Api } from '../../api';
import { ErrorBox, Loading } from '../../components/LoadState';
import { t } from '../../i18n';
import { periodLabel, todayInVietnam } from '../../period-label';
import { hrefFor, type Route } from '../../router';
import { defaultPeriod, homeUnit, indicatorRows, unitsAbove } from './dashboard-view';
import { CompareView, SeriesView } from './FiguresSection';
import { StatusSection } from './StatusSection';
import { TrendSection } from './TrendSection';
import './dashboard.css';

type DashboardRoute = Extract<Route, { name: 'dashboard' }>;

export default function DashboardPage(props: { api: Api; me: Me; route: DashboardRoute; navigate: (to: Route) => void }) {
  // The api never changes for the life of the page.
  const api = untrack(() => props.api);
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const [templates] = createResource(() => api.templates());
  const template = () => props.route.template ?? templates()?.[0]?.id;
  const [periods] = createResource(template, async (id) => {
    const lists = await Promise.all([year - 1, year].map((y) => api.periods(id, y).catch(() => [])));
    return lists.flat().filter((p) => p.start <= today);
  });
  const period = () => props.route.period ?? defaultPeriod(periods(), today);
  const periodInfo = () => periods()?.find((p) => p.id === period());
  const under = () => props.route.under ?? homeUnit(props.me) ?? units()?.find((u) => u.parentCode === null)?.code;
  const [units] = createResource(() => periodInfo()?.end ?? today, (at) => api.units(at).catch(() => []));

  const here = (patch: Partial<DashboardRoute>): Route => ({
    name: 'dashboard',
    template: template(),
    period: period(),
    under: under(),
    row: props.route.row,
    col: props.route.col,
    round: props.route.round,
    ...patch,
  });
  const go = (patch: Partial<DashboardRoute>) => props.navigate(here(patch));

  // The preliminary round (số ước, issue 11) where the address asks for it; the official figures otherwise.
  const round = (): Round => (props.route.round === 'preliminary' ? 'preliminary' : 'official');
  const key = createMemo(() => {
    const [tp, p, u] = [template(), period(), under()];
    return tp && p && u ? { template: tp, period: p, under: u, round: round() } : undefined;
  });
  const inRound = (r: Round) => (r === 'official' ? api : api.forRound(r));
  const [status] = createResource(key, (k) => inRound(k.round).dashboardStatus(k.template, k.period, k.under));
  // A resource in error throws when read: the page reads the status only through this.
  const statusOk = () => (status.error ? undefined : status());
  const [trend] = createResource(key, (k) => inRound(k.round).dashboardTimeliness(k.template, k.under, { to: k.period, periods: 12 }));
  const [version] = createResource(
    () => {
      const s = statusOk();
      return s ? { id: s.template, version: s.templateVersion } : undefined;
    },
    (v) => api.templateVersion(v.id, v.version),
  );
  const rows = () => indicatorRows(version.error ? undefined : version());
  const row = () => props.route.row ?? rows()[0]?.row;
  const columns = () => (version.error ? undefined : version())?.columns ?? [];
  const col = () => props.route.col ?? columns()[0]?.key;
  // An agency holds no figures of its own: its figures are those of the unit it compiles for.
  const figureUnit = () => {
    const s = statusOk();
    return s && s.under.level === 'agency' && s.under.parentCode ? s.under.parentCode : s?.under.code;
  };
  const figureKey = createMemo(() => {
    const k = key();
    const [r, c, u] = [row(), col(), figureUnit()];
    return k && r && c && u ? { ...k, under: u, row: r, col: c } : undefined;
  });
  const [series] = createResource(figureKey, (k) => inRound(k.round).dashboardSeries({ template: k.template, unit: k.under, row: k.row, col: k.col, to: k.period }));
  const [compare] = createResource(figureKey, (k) => inRound(k.round).dashboardCompare({ template: k.template, period: k.period, under: k.under, row: k.row, col: k.col }));
  /** A round picker only where the form has two rounds in the period (or the address names one). */
  const rounds = (): Round[] => {
    const declared = statusOk()?.rounds ?? [];
    return declared.length > 1 ? declared : round() === 'preliminary' ? ['preliminary', 'official'] : [];
  };

  const above = () => unitsAbove(under() ?? '', units(), props.me);
  const currentName = () => statusOk()?.under.name ?? units()?.find((u) => u.code === under())?.name ?? under();

  return (
    <main class="page dashboard">
      <div class="dash-head">
        <h1 class="page-title">{t('dash.title')}</h1>
        <button type="button" class="btn no-print" onClick={() => window.print()}>
          {t('dash.print')}
        </button>
      </div>
      <div class="dash-controls no-print-border">
        <label>
          <span>{t('dash.template')}</span>
          <select value={template() ?? ''} onChange={(e) => go({ template: e.currentTarget.value, period: undefined, row: undefined, col: undefined, round: undefined })}>
            <For each={templates() ?? []}>{(tp) => <option value={tp.id} selected={tp.id === template()}>{`${tp.formNumber} — ${tp.title}`}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('dash.period')}</span>
          <select value={period() ?? ''} onChange={(e) => go({ period: e.currentTarget.value })}>
            <For each={[...(periods() ?? [])].reverse()}>{(p) => <option value={p.id} selected={p.id === period()}>{periodLabel(p.id, p.label)}</option>}</For>
          </select>
        </label>
        <Show when={rounds().length > 1}>
          <label>
            <span>{t('dash.round')}</span>
            <select value={round()} onChange={(e) => go({ round: e.currentTarget.value === 'preliminary' ? 'preliminary' : undefined })}>
              <For each={rounds()}>{(r) => <option value={r} selected={r === round()}>{t(`report.round.${r}`)}</option>}</For>
            </select>
          </label>
        </Show>
      </div>
      <nav class="dash-crumbs" aria-label={t('dash.hierarchy')}>
        <For each={above()}>
          {(u) => (
            <>
              <a href={hrefFor(here({ under: u.code }))}>{u.name}</a>
              <span aria-hidden="true"> › </span>
            </>
          )}
        </For>
        <strong aria-current="page">{currentName()}</strong>
      </nav>

      <Show when={!status.error} fallback={<ErrorBox error={status.error} />}>
        <Show when={status()} fallback={<Loading />}>
          {(s) => <StatusSection status={s()} drill={(code) => here({ under: code })} />}
        </Show>
      </Show>

      <Show when={!trend.error} fallback={<ErrorBox error={trend.error} />}>
        <Show when={trend()}>{(d) => <TrendSection data={d()} atPeriod={(p) => here({ period: p })} forUnit={(code) => here({ under: code })} />}</Show>
      </Show>

      <Show when={statusOk()}>
        <section class="dash-section" aria-labelledby="dash-figures-title">
          <h2 id="dash-figures-title">{t('dash.figuresTitle')}</h2>
          <div class="dash-controls">
            <label class="wide">
              <span>{t('dash.indicator')}</span>
              <select value={row() ?? ''} onChange={(e) => go({ row: e.currentTarget.value })}>
                <For each={rows()}>{(r) => <option value={r.row} selected={r.row === row()}>{r.label}</option>}</For>
              </select>
            </label>
            <label>
              <span>{t('dash.column')}</span>
              <select value={col() ?? ''} onChange={(e) => go({ col: e.currentTarget.value })}>
                <For each={columns()}>{(c) => <option value={c.key} selected={c.key === col()}>{c.label}</option>}</For>
              </select>
            </label>
          </div>
          <Show when={!series.error} fallback={<ErrorBox error={series.error} />}>
            <Show when={series()} fallback={<Loading />}>
              {(d) => <SeriesView data={d()} />}
            </Show>
          </Show>
          <Show when={!compare.error} fallback={<ErrorBox error={compare.error} />}>
            <Show when={compare()}>{(d) => <CompareView data={d()} />}</Show>
          </Show>
        </section>
      </Show>
    </main>
  );
}
