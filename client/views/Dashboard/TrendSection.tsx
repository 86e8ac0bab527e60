// Timeliness over the last periods below the unit (stacked bars: on time, late, not sent) with the table
// of the same numbers, each period linking to its status, and the units most often late.
import { For, Show } from 'solid-js';
import type { DashboardTimeliness } from '../../../schema/dashboard';
import { formatNumber } from '../../format';
import { t } from '../../i18n';
import { periodLabel } from '../../period-label';
import { hrefFor, type Route } from '../../router';
import { axisLabel, PeriodChart } from './charts';

export const COLORS = { onTime: '#1d7a46', late: '#d97706', missing: '#b42318', value: '#0b5cad', lastYear: '#7a8899' };

export function TrendSection(props: { data: DashboardTimeliness; atPeriod: (period: string) => Route; forUnit: (unit: string) => Route }) {
  const d = () => props.data;
  const labels = () => d().periods.map((p) => axisLabel(p.id));
  return (
    <section class="dash-section" aria-labelledby="dash-trend-title">
      <h2 id="dash-trend-title">{t('dash.trendTitle', { count: d().periods.length, unit: d().under.name })}</h2>
      <PeriodChart
        kind="stacked-bars"
        decimals={0}
        title={t('dash.trendTitle', { count: d().periods.length, unit: d().under.name })}
        labels={labels()}
        series={[
          { label: t('dash.onTime'), color: COLORS.onTime, values: d().periods.map((p) => p.onTime) },
          { label: t('dash.sentLate'), color: COLORS.late, values: d().periods.map((p) => p.late) },
          { label: t('dash.notSent'), color: COLORS.missing, values: d().periods.map((p) => p.missing) },
        ]}
      />
      <div class="table-wrap">
        <table class="table dash-trend">
          <thead>
            <tr>
              <th>{t('dash.period')}</th>
              <th class="num">{t('dash.expected')}</th>
              <th class="num">{t('dash.onTime')}</th>
              <th class="num">{t('dash.sentLate')}</th>
              <th class="num">{t('dash.notSent')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={d().periods}>
              {(p) => (
                <tr data-period={p.id}>
                  <td>
                    <a href={hrefFor(props.atPeriod(p.id))}>{periodLabel(p.id, p.label)}</a>
                  </td>
                  <td class="num" data-count="expected">{formatNumber(p.expected)}</td>
                  <td class="num" data-count="onTime">{formatNumber(p.onTime)}</td>
                  <td class="num" data-count="late">{formatNumber(p.late)}</td>
                  <td class="num" data-count="missing">
                    {formatNumber(p.missing)}
                    <Show when={p.overdue > 0}>
                      {' '}
                      <span class="muted">({t('dash.overdueCount', { count: formatNumber(p.overdue) })})</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>{t('dash.oftenLate')}</h3>
      <Show when={d().oftenLate.length > 0} fallback={<p class="muted">{t('dash.neverLate')}</p>}>
        <ol class="dash-often-late">
          <For each={d().oftenLate}>
            {(u) => (
              <li data-unit={u.unitCode}>
                <a href={hrefFor(props.forUnit(u.unitCode))}>{u.unitName}</a>{' '}
                <span class="late-text">{t('dash.lateTimes', { late: formatNumber(u.late), of: formatNumber(u.of) })}</span>{' '}
                <span class="muted">{u.periods.map((p) => periodLabel(p)).join(', ')}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
