// The order of "my reports": what is overdue first (oldest deadline first), then what is still to do by
// due date (soonest first), then what has been sent, newest first, so the next thing to do is on top.
import type { ReportStatus } from '../schema/api';

export interface WorklistLine {
  status: ReportStatus;
  deadline: string | null;
  isLate: boolean;
  /** False for a head following the units below on a form its own unit does not fill. */
  isReporter: boolean;
}

const isSent = (l: WorklistLine) => l.status === 'submitted' || l.status === 'approved';
const groupOf = (l: WorklistLine) => (isSent(l) ? 2 : l.isReporter && l.isLate ? 0 : 1);

export function compareWorklistLines(a: WorklistLine, b: WorklistLine): number {
  const group = groupOf(a) - groupOf(b);
  if (group !== 0) return group;
  // No deadline sorts last among the ones still to do.
  const da = a.deadline ?? '9999-12-31';
  const db = b.deadline ?? '9999-12-31';
  return groupOf(a) === 2 ? db.localeCompare(da) : da.localeCompare(db);
}
