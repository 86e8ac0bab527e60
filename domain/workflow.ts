// The report workflow as a pure state machine: draft → submitted → approved, or back to returned (with
// a reason) from submitted, or from approved (a reopen) while the level above has not approved its own
// report built on it. Who may act is decided in ./access.ts.
import type { ReportStatus } from '../schema/api';

export type WorkflowAction = 'submit' | 'approve' | 'return';

const TRANSITIONS: Record<WorkflowAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
};

/** The status after the action, or undefined when the action is not allowed from this status. */
export function nextStatus(status: ReportStatus, action: WorkflowAction): ReportStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

export const isEditable = (status: ReportStatus) => status === 'draft' || status === 'returned';

/** Whether a report's status counts towards a level above having approved "on" it. */
export const isApproved = (status: ReportStatus | undefined) => status === 'approved';
