// Where the period's reports stand below the unit: the counts (each one picks its reports out of the
// table), a bar per unit below to drill down to, the table of reports with links, and the due and overdue
// lists in working days.
import { createSignal, For, Show } from 'solid-js';
import type { DashboardChild, DashboardStatus, DashboardStatusUnit } from '../../../schema/dashboard';
import { LateBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { type MessageKey, t } from '../../i18n';
import { periodLabel } from '../../period-label';
import { hrefFor, type Route } from '../../router';
import { type CountFilter, dueLines, matchesFilter, overdueLines } from './dashboard-view';

const CARDS: { key: CountFilter; count: keyof DashboardStatus; label: MessageKey; tone: string }[] = [
  { key: 'all', count: 'expected', label: 'dash.expected', tone: 'neutral' },
  { key: 'submitted', count: 'submitted', label: 'dash.submitted', tone: 'info' },
  { key: 'approved', count: 'approved', label: 'dash.approved', tone: 'ok' },
  { key: 'returned', count: 'returned', label: 'dash.returned', tone: 'bad' },
  { key: 'late', count: 'late', label: 'dash.late', tone: 'bad' },
  { key: 'missing', count: 'missing', label: 'dash.missing', tone: 'warn' },
];

/** The parts of a unit's bar, in the order they are drawn. */
const SEGMENTS = [
  { key: 'approved', label: 'dash.approved', value: (c: DashboardChild) => c.approved },
  { key: 'waiting', label: 'dash.waiting', value: (c: DashboardChild) => c.submitted - c.approved },
  { key: 'returned', label: 'dash.returned', value: (c: DashboardChild) => c.returned },
  { key: 'missing', label: 'dash.missing', value: (c: DashboardChild) => c.missing },
] as const;

export function StatusSection(props: { status: DashboardStatus; drill: (under: string) => Route }) {
  const [filter, setFilter] = createSignal<CountFilter>('all');
  const s = () => props.status;
  // Each unit's report in the round the dashboard counts (issue 11).
  const reportHref = (unit: string) => hrefFor({ name: 'report', template: s().template, period: s().period.id, unit, ...(s().round === 'preliminary' ? { round: 'preliminary' as const } : {}) });
  const lines = () => s().units.filter((u) => matchesFilter(u, filter()));
  return (
    <section class="dash-section" aria-labelledby="dash-status-title">
      <h2 id="dash-status-title">{t('dash.statusTitle', { period: periodLabel(s().period.id, s().period.label), unit: s().under.name })}</h2>
      <div class="dash-cards" role="group" aria-label={t('dash.statusTitle', { period: periodLabel(s().period.id, s().period.label), unit: s().under.name })}>
        <For each={CARDS}>
          {(card) => (
            <button
              type="button"
              class={`dash-card tone-${card.tone}`}
              classList={{ active: filter() === card.key }}
              aria-pressed={filter() === card.key}
              data-count={card.count}
              onClick={() => setFilter(filter() === card.key ? 'all' : card.key)}
            >
              <span class="dash-card-number">{formatNumber(s()[card.count] as number)}</span>
              <span class="dash-card-label">{t(card.label)}</span>
            </button>
          )}
        </For>
      </div>

      <Show when={s().children.length > 0}>
        <h3>{t('dash.byUnitBelow')}</h3>
        <ul class="dash-legend" aria-hidden="true">
          <For each={SEGMENTS}>{(seg) => <li class={`seg-${seg.key}`}>{t(seg.label)}</li>}</For>
        </ul>
        <ul class="dash-bars">
          <For each={s().children}>
            {(child) => (
              <li class="dash-bar-row" data-unit={child.unitCode}>
                <a class="dash-bar-label" href={hrefFor(props.drill(child.unitCode))}>
                  {child.unitName}
                </a>
                <span class="dash-bar" role="img" aria-label={t('dash.childSummary', { unit: child.unitName, submitted: child.submitted, expected: child.expected, late: child.late })}>
                  <For each={SEGMENTS}>
                    {(seg) => (
                      <Show when={seg.value(child) > 0}>
                        <span class={`seg seg-${seg.key}`} style={{ 'flex-grow': seg.value(child) }} title={`${t(seg.label)}: ${seg.value(child)}`}>
                          {formatNumber(seg.value(child))}
                        </span>
                      </Show>
                    )}
                  </For>
                </span>
                <span class="dash-bar-total">
                  <span data-count="submitted">{formatNumber(child.submitted)}</span>/<span data-count="expected">{formatNumber(child.expected)}</span>
                  <Show when={child.late > 0}>
                    {' · '}
                    <span class="late-text">{t('dash.lateCount', { count: child.late })}</span>
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h3>
        {t('dash.reportsTable')}
        <Show when={filter() !== 'all'}>
          {' · '}
          {t(CARDS.find((c) => c.key === filter())!.label)}{' '}
          <button type="button" class="btn-link" onClick={() => setFilter('all')}>
            {t('dash.showAll')}
          </button>
        </Show>
      </h3>
      <Show when={lines().length > 0} fallback={<p class="empty">{t('dash.noReports')}</p>}>
        <div class="table-wrap">
          <table class="table dash-units">
            <thead>
              <tr>
                <th>{t('dash.unit')}</th>
                <th>{t('dash.state')}</th>
                <th>{t('dash.deadline')}</th>
                <th>{t('dash.daysCol')}</th>
                <th>{t('dash.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(u) => (
                  <tr classList={{ 'is-late': u.isLate }} data-unit={u.unitCode}>
                    <td>
                      <a href={reportHref(u.unitCode)}>{u.unitName}</a> <span class="muted">{u.unitCode}</span>
                    </td>
                    <td>
                      <StatusBadge status={u.status} /> <LateBadge late={u.isLate} />
                    </td>
                    <td>{formatDate(u.deadline)}</td>
                    <td>
                      <DaysText line={u} />
                    </td>
                    <td>{u.status === 'submitted' || u.status === 'approved' ? formatDateTime(u.submittedAt) : ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <div class="dash-due">
        <DueList title={t('dash.overdueTitle')} lines={overdueLines(s().units)} href={reportHref} kind="overdue" empty={t('dash.noOverdue')} />
        <DueList title={t('dash.dueTitle')} lines={dueLines(s().units)} href={reportHref} kind="due" empty={t('dash.noDue')} />
      </div>
    </section>
  );
}

function DaysText(props: { line: DashboardStatusUnit }) {
  return (
    <>
      <Show when={props.line.daysLate !== undefined}>
        <span class="late-text">{t('dash.daysLate', { days: formatNumber(props.line.daysLate!) })}</span>
      </Show>
      <Show when={props.line.daysLeft !== undefined}>
        <span>{props.line.daysLeft === 0 ? t('dash.dueToday') : t('dash.daysLeft', { days: formatNumber(props.line.daysLeft!) })}</span>
      </Show>
    </>
  );
}

function DueList(props: { title: string; lines: DashboardStatusUnit[]; href: (unit: string) => string; kind: 'due' | 'overdue'; empty: string }) {
  return (
    <div class={`dash-due-list ${props.kind}`}>
      <h3>
        {props.title} <span class="muted">({formatNumber(props.lines.length)})</span>
      </h3>
      <Show when={props.lines.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul>
          <For each={props.lines}>
            {(u) => (
              <li data-unit={u.unitCode}>
                <a href={props.href(u.unitCode)}>{u.unitName}</a> <StatusBadge status={u.status} /> — <DaysText line={u} /> <span class="muted">({formatDate(u.deadline)})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
