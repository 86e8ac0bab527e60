// "Các đơn vị cấp dưới": each unit directly below, its status and timeliness, with approve and return.
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

export function BelowTab(props: { data: ReportPageData; workflow: WorkflowActions }) {
  const [returning, setReturning] = createSignal<ReportListItem>();
  const reportHref = (unit: string) => hrefFor({ name: 'report', template: props.data.key.template, period: props.data.key.period, unit });
  async function confirmReturn(child: ReportListItem, reason: string) {
    if (await props.workflow.returnReport(child.unitCode, child.unitName, reason)) setReturning(undefined);
  }
  return (
    <section class="below-tab">
      <LoadedList
        items={props.data.children()}
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
                          disabled={child.status !== 'submitted' || props.workflow.busy()}
                          onClick={() => void props.workflow.approve(child.unitCode, child.unitName)}
                        >
                          {t('below.approve')}
                        </button>
                        <button
                          type="button"
                          class="btn btn-small btn-danger"
                          disabled={(child.status !== 'submitted' && child.status !== 'approved') || props.workflow.busy()}
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
