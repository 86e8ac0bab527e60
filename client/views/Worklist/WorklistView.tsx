// "Báo cáo của tôi": the reports of the caller's unit (and, for heads, how far the units below have got).
import { For, Show } from 'solid-js';
import type { WorklistItem, WorklistRound } from '../../../schema/api';
import { LoadedList } from '../../components/LoadState';
import { LateBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { t } from '../../i18n';
import { periodLabel } from '../../period-label';
import { hrefFor, type Route } from '../../router';
import type { loadWorklist } from './loader';
import { ReportChooser } from './ReportChooser';

export function reportRoute(item: WorklistItem, round?: WorklistRound['round']): Route {
  return { name: 'report', template: item.template.id, period: item.period.id, unit: item.unit.code, ...(round === 'preliminary' ? { round } : {}) };
}

/**
 * A form with a preliminary round (số ước, issue 11): each round on its own line, "Số ước: hạn 15/07/2027",
 * its status and whether it is late, and a link to that round's report.
 */
function RoundLines(props: { item: WorklistItem; rounds: WorklistRound[]; show: 'status' | 'deadline' }) {
  return (
    <For each={props.rounds}>
      {(r) => (
        <div class="worklist-round nowrap">
          <a href={hrefFor(reportRoute(props.item, r.round))}>{t(`report.round.${r.round}`)}</a>
          {': '}
          <Show when={props.show === 'status'} fallback={<>{t('worklist.roundDue', { date: formatDate(r.deadline) })} <LateBadge late={r.isLate} /></>}>
            <StatusBadge status={r.status} />
          </Show>
        </div>
      )}
    </For>
  );
}

export default function WorklistView(props: { data: ReturnType<typeof loadWorklist>; navigate: (r: Route) => void }) {
  const items = () => props.data.items();
  const showBelow = () => (items() ?? []).some((i) => i.below);
  return (
    <main class="page">
      <h1 class="page-title">{t('worklist.title')}</h1>
      <ReportChooser chooser={props.data.chooser} navigate={props.navigate} />
      <h2 class="section-heading">{t('worklist.recent')}</h2>
      <LoadedList items={items()} error={props.data.items.error} onRetry={() => props.data.refetch()} empty={t('worklist.empty')}>
        {(list) => (
          <div class="table-wrap">
            <table class="table worklist">
              <thead>
                <tr>
                  <th>{t('worklist.form')}</th>
                  <th>{t('worklist.period')}</th>
                  <th>{t('worklist.unit')}</th>
                  <th>{t('worklist.status')}</th>
                  <th>{t('worklist.deadline')}</th>
                  <Show when={showBelow()}>
                    <th>{t('worklist.below')}</th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(item) => (
                    <tr
                      class={`clickable ${item.isLate || item.rounds?.some((r) => r.isLate) ? 'is-late' : ''}`}
                      onClick={(e) => {
                        if ((e.target as HTMLElement).closest('a')) return;
                        props.navigate(reportRoute(item));
                      }}
                    >
                      <td>
                        <a href={hrefFor(reportRoute(item))} class="form-link" aria-label={`${t('worklist.open')}: ${item.template.formNumber} ${periodLabel(item.period.id, item.period.label)}`}>
                          <span class="form-number">{item.template.formNumber}</span>
                          <span class="form-title">{item.template.title}</span>
                        </a>
                      </td>
                      <td>
                        <div class="period-label">{periodLabel(item.period.id, item.period.label)}</div>
                        <div class="muted small">
                          {t('period.window', { start: formatDate(item.period.start), end: formatDate(item.period.end) })}
                        </div>
                      </td>
                      <td>{item.unit.name}</td>
                      <td>
                        <Show when={item.rounds} fallback={<StatusBadge status={item.status} />}>
                          {(rounds) => <RoundLines item={item} rounds={rounds()} show="status" />}
                        </Show>
                      </td>
                      <td class="nowrap">
                        <Show when={item.rounds} fallback={<>{formatDate(item.deadline)} <LateBadge late={item.isLate} /></>}>
                          {(rounds) => <RoundLines item={item} rounds={rounds()} show="deadline" />}
                        </Show>
                      </td>
                      <Show when={showBelow()}>
                        <td class="small">
                          <Show when={item.below}>
                            {(b) => t('worklist.belowSummary', { submitted: b().submitted, expected: b().expected, approved: b().approved })}
                          </Show>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
    </main>
  );
}
