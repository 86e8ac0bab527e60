// "Các đơn vị cấp dưới": the unit's own report when it fills the form, then each unit directly below, with
// status, timeliness, approve and return; above them, how far all the units that must report have got.
import { createSignal, For, Show } from 'solid-js';
import type { ApproveAllResult, ReportListItem } from '../../../schema/api';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { LoadedList } from '../../components/LoadState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../format';
import { t } from '../../i18n';
import { hrefFor } from '../../router';
import type { ReportPageData } from './loader';
import { ReturnDialog } from './ReturnDialog';
import { ExcelRoundTrip } from './ExcelRoundTrip';
import type { WorkflowActions } from './workflow-actions';

const isSent = (c: ReportListItem) => c.status === 'submitted' || c.status === 'approved';

export function BelowTab(props: { data: ReportPageData; workflow: WorkflowActions }) {
  const [returning, setReturning] = createSignal<ReportListItem>();
  // A unit below opens in the round this page is in (issue 11).
  const reportHref = (unit: string) =>
    hrefFor({ name: 'report', template: props.data.key.template, period: props.data.key.period, unit, ...(props.data.key.round ? { round: props.data.key.round } : {}) });
  const key = () => props.data.key.unit;
  /** The unit's own report, then the units directly below; those further down are counted, not listed. */
  const rows = () => props.data.children()?.filter((c) => c.unitCode === key() || c.parentCode === key());
  /** The server says whom the caller receives reports from (the unit above, or the agency the template routes to). */
  const decides = (c: ReportListItem) => c.canDecide;
  const [bulk, setBulk] = createSignal<ApproveAllResult>();
  const [bulkBusy, setBulkBusy] = createSignal(false);
  const waiting = () => (props.data.children() ?? []).filter((c) => c.status === 'submitted' && c.canDecide).length;
  async function approveAll() {
    setBulkBusy(true);
    try {
      const result = await props.data.api.approveAll(props.data.key.template, props.data.key.period, key());
      setBulk(result);
      notify(t('review.approvedAll', { count: result.approved.length }), result.skipped.length > 0 ? 'info' : 'success');
      void props.data.refetchChildren();
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setBulkBusy(false);
    }
  }
  const nameOf = (code: string) => props.data.children()?.find((c) => c.unitCode === code)?.unitName ?? code;
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
      <Show when={props.data.store.template()}>
        {(file) => (
          <div class="toolbar">
            <ExcelRoundTrip
              api={props.data.api}
              reportKey={props.data.key}
              file={file()}
              below
              canUpload
              onSaved={() => void props.data.refetchChildren()}
              unitName={nameOf}
            />
          </div>
        )}
      </Show>
      <Show when={waiting() > 0}>
        <div class="toolbar">
          <button type="button" class="btn btn-success" disabled={bulkBusy() || props.workflow.busy()} onClick={() => void approveAll()}>
            {t('review.approveAll')} ({waiting()})
          </button>
        </div>
      </Show>
      <Show when={bulk()?.skipped.length}>
        <div class="notice notice-warning bulk-skipped" role="status">
          <ul>
            <For each={bulk()!.skipped}>{(s) => <li>{t('review.skipped', { unit: nameOf(s.unitCode), reason: s.reason })}</li>}</For>
          </ul>
        </div>
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
