// What the figures say: one indicator of the unit's roll-up over periods (a line, the same period last
// year dashed) with the table of numbers and the completeness behind each point, and the units below
// compared for the chosen period (sorted bars; a ratio is each unit's ratio of sums).
import { For, Show } from 'solid-js';
import type { DashboardCompare, DashboardSeries } from '../../../schema/dashboard';
import { formatNumber } from '../../format';
import { t } from '../../i18n';
import { periodLabel } from '../../period-label';
import { hrefFor } from '../../router';
import { axisLabel, PeriodChart } from './charts';
import { COLORS } from './TrendSection';

const cellTitle = (c: DashboardSeries['cell']) => `${c.rowLabel} — ${c.colLabel}${c.measure ? ` (${c.measure})` : ''}`;

export function SeriesView(props: { data: DashboardSeries }) {
  const d = () => props.data;
  const aggregateHref = (period: string) =>
    hrefFor({ name: 'report', template: d().template, period, unit: d().unit.code, tab: 'aggregate', ...(d().round === 'preliminary' ? { round: 'preliminary' as const } : {}) });
  return (
    <div class="dash-series">
      <h3>{t('dash.seriesTitle', { cell: cellTitle(d().cell), unit: d().unit.name })}</h3>
      <PeriodChart
        kind="lines"
        title={t('dash.seriesTitle', { cell: cellTitle(d().cell), unit: d().unit.name })}
        labels={d().points.map((p) => axisLabel(p.id))}
        series={[
          { label: t('dash.value'), color: COLORS.value, values: d().points.map((p) => p.value) },
          { label: t('dash.lastYear'), color: COLORS.lastYear, values: d().points.map((p) => p.lastYear?.value ?? null), dashed: true },
        ]}
      />
      <Show when={d().points.some((p) => p.incomplete)}>
        <p class="notice-inline">{t('dash.incompleteNote')}</p>
      </Show>
      <div class="table-wrap">
        <table class="table dash-points">
          <thead>
            <tr>
              <th>{t('dash.period')}</th>
              <th class="num">{t('dash.value')}</th>
              <th class="num">{t('dash.lastYear')}</th>
              <th>{t('dash.completeness')}</th>
              <th>{t('dash.version')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={d().points}>
              {(p) => (
                <tr data-period={p.id} classList={{ incomplete: p.incomplete }}>
                  <td>
                    <a href={aggregateHref(p.id)}>{periodLabel(p.id, p.label)}</a>
                    <Show when={p.from}>{(from) => <span class="muted"> · {t('dash.fromPredecessors', { units: from().join(', ') })}</span>}</Show>
                  </td>
                  <td class="num" data-value>
                    {formatNumber(p.value)}
                    <Show when={p.incomplete}>
                      <span class="incomplete-mark" title={t('dash.incompleteNote')}>
                        {' '}*
                      </span>
                    </Show>
                  </td>
                  <td class="num">{formatNumber(p.lastYear?.value ?? null)}</td>
                  <td>{t('dash.completenessText', { submitted: formatNumber(p.completeness.submitted), expected: formatNumber(p.completeness.expected), approved: formatNumber(p.completeness.approved) })}</td>
                  <td>{p.templateVersion}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function CompareView(props: { data: DashboardCompare }) {
  const d = () => props.data;
  const max = () => Math.max(0, ...d().units.map((u) => Math.abs(u.value ?? 0)));
  return (
    <div class="dash-compare">
      <h3>{t('dash.compareTitle', { cell: cellTitle(d().cell), period: periodLabel(d().period.id, d().period.label) })}</h3>
      <p class="muted">
        {t('dash.total', { unit: d().under.name })}: <strong data-total>{formatNumber(d().total)}</strong>
        <Show when={d().cell.isComputed}> · {t('dash.ratioOfSums')}</Show>
      </p>
      <Show when={d().units.length > 0} fallback={<p class="muted">{t('dash.noUnitsBelow')}</p>}>
        <ol class="dash-hbars">
          <For each={d().units}>
            {(u) => (
              <li data-unit={u.unitCode}>
                <a href={hrefFor({ name: 'report', template: d().template, period: d().period.id, unit: u.unitCode, ...(d().round === 'preliminary' ? { round: 'preliminary' as const } : {}) })}>{u.unitName}</a>
                <span class="hbar-track">
                  <span class="hbar" style={{ width: `${max() > 0 ? (Math.abs(u.value ?? 0) / max()) * 100 : 0}%` }} />
                </span>
                <span class="num" data-value>
                  {u.value === null ? t('dash.noFigure') : formatNumber(u.value)}
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
