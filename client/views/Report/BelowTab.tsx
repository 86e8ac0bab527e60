// "Các đơn vị cấp dưới": the unit's own report when it fills the form, then each unit directly below, with
// status, timeliness, approve and return; above them, how far all the units that must report have got.
import { createSignal, For, Show } from 'solid-js';
import type { ReportListItem } from '../../../schema/api';
import { LoadedList } from '../../components/LoadState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../format';
import { t } from '../../i18n';
import { hrefFor } from '../../router';
import type { ReportPageData } from './loader';
import { ReturnDialog } from './ReturnDialog';
import type { WorkflowActions } from './workflow-actions';

const isSent = (c: ReportListItem) => c.status === 'submitted' || c.status === 'approved';

export function BelowTab(props: { data: ReportPageData; workflow: WorkflowActions }) {
  const [returning, setReturning] = createSignal<ReportListItem>();
  const reportHref = (unit: string) => hrefFor({ name: 'report', template: props.data.key.template, period: props.data.key.period, unit });
  const key = () => props.data.key.unit;
  /** The unit's own report, then the units directly below; those further down are counted, not listed. */
  const rows = () => props.data.children()?.filter((c) => c.unitCode === key() || c.parentCode === key());
  /** A head decides on the units directly below, and on its own unit's report only at the top. */
  const decides = (c: ReportListItem) => c.parentCode === key() || c.parentCode === null;
  async function confirmReturn(child: ReportListItem, reason: string) {
    if (await props.workflow.returnReport(child.unitCode, child.unitName, reason)) setReturning(undefined);
  }
  return (
    <section class="below-tab">
      <Show when={props.data.children()}>
        {(all) => (
          <p class="below-summary small">
            {t('first.belowSummary', {
              expected: all().length,
              submitted: all().filter(isSent).length,
              approved: all().filter((c) => c.status === 'approved').length,
              onTime: all().filter((c) => isSent(c) && !c.isLate).length,
            })}
          </p>
        )}
      </Show>
      <LoadedList
        items={rows()}
        error={props.data.children.error}
        onRetry={() => props.data.refetchChildren()}
        empty={t('below.empty')}
      >
        {(list) => (
          <div class="table-wrap">
            <table class="table below-table">
              <thead>
                <tr>
                  <th>{t('below.unit')}</th>
                  <th>{t('below.status')}</th>
                  <th>{t('below.submittedAt')}</th>
                  <th>{t('below.deadline')}</th>
                  <th>{t('below.timeliness')}</th>
                  <th>{t('below.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(child) => (
                    <tr data-unit={child.unitCode}>
                      <td>
                        <a href={reportHref(child.unitCode)}>{child.unitName}</a>{' '}
                        <span class="muted small">({child.unitCode})</span>
                        <Show when={child.unitCode === props.data.key.unit}>
                          <span class="muted small"> · {t('first.ownReport')}</span>
                        </Show>
                      </td>
                      <td>
                        <StatusBadge status={child.status} />
                      </td>
                      <td class="nowrap">{child.submittedAt ? formatDateTime(child.submittedAt) : <span class="muted">{t('below.notSubmitted')}</span>}</td>
                      <td class="nowrap">{formatDate(child.deadline)}</td>
                      <td>{child.isLate ? <span class="badge badge-late">{t('late')}</span> : child.submittedAt ? <span class="badge badge-ontime">{t('onTime')}</span> : ''}</td>
                      <td class="actions">
                        <button
                          type="button"
                          class="btn btn-small btn-success"
                          disabled={child.status !== 'submitted' || !decides(child) || props.workflow.busy()}
                          onClick={() => void props.workflow.approve(child.unitCode, child.unitName)}
                        >
                          {t('below.approve')}
                        </button>
                        <button
                          type="button"
                          class="btn btn-small btn-danger"
                          disabled={(child.status !== 'submitted' && child.status !== 'approved') || !decides(child) || props.workflow.busy()}
                          onClick={() => setReturning(child)}
                        >
                          {t('below.return')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
      <Show when={returning()}>
        {(child) => (
          <ReturnDialog
            unitName={child().unitName}
            busy={props.workflow.busy()}
            onClose={() => setReturning(undefined)}
            onConfirm={(reason) => void confirmReturn(child(), reason)}
          />
        )}
      </Show>
    </section>
  );
}
