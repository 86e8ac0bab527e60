// Approve and return for heads: the list of units below changes at once and changes back if the server
// (the authority on who may do what) refuses, with its reason shown.
import { createSignal } from 'solid-js';
import type { ReportListItem, ReportStatus } from '../../../schema/api';
import type { Api } from '../../api';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { t } from '../../i18n';
import type { ReportKey } from '../../stores/report-store';

export interface WorkflowActionsOptions {
  /** The current list of units below, for the optimistic update. */
  children: () => ReportListItem[] | undefined;
  setChildren: (list: ReportListItem[]) => void;
  /** Called after the server accepted a change, to reload what depends on it. */
  onChanged: (unitCode: string) => void;
}

export function createWorkflowActions(api: Api, key: Omit<ReportKey, 'unit'>, options: WorkflowActionsOptions) {
  const [busyUnit, setBusyUnit] = createSignal<string>();

  async function run(unitCode: string, status: ReportStatus, call: () => Promise<unknown>, done: string): Promise<boolean> {
    const before = options.children();
    setBusyUnit(unitCode);
    if (before) options.setChildren(before.map((c) => (c.unitCode === unitCode ? { ...c, status } : c)));
    try {
      await call();
      notify(done, 'success');
      options.onChanged(unitCode);
      return true;
    } catch (e) {
      if (before) options.setChildren(before);
      notify(errorMessage(e), 'error');
      return false;
    } finally {
      setBusyUnit(undefined);
    }
  }

  return {
    busy: () => busyUnit() !== undefined,
    busyUnit,
    approve: (unitCode: string, unitName: string) =>
      run(unitCode, 'approved', () => api.approve(key.template, key.period, unitCode), t('below.approved', { unit: unitName })),
    returnReport: (unitCode: string, unitName: string, reason: string) =>
      run(unitCode, 'returned', () => api.returnReport(key.template, key.period, unitCode, reason), t('below.returned', { unit: unitName })),
  };
}

export type WorkflowActions = ReturnType<typeof createWorkflowActions>;
