// What has arrived at a receiving unit or agency in a period: the reports whose receiver it is (the
// units directly below, or those a template routes to the agency), counted by state and timeliness.
import type { Completeness } from '../../schema/api';
import type { Round } from '../../schema/template';
import { receiverOf } from '../../domain/access';
import { isReportingUnit } from '../../domain/reporting-levels';
import type { TreeUnit } from '../../domain/unit-tree';
import { isOnOrBefore } from '../../domain/vn-time';
import { listReports } from '../db/reports';
import type { AppDeps } from '../env';
import { deadlineOf, type PeriodScope } from './report-context';

/** The units that send this template's report of the period to `receiver`. */
export function sendersTo(scope: PeriodScope, receiver: TreeUnit): TreeUnit[] {
  const { template, tree, routing } = scope;
  return tree.units.filter((u) => u.id !== receiver.id && isReportingUnit(template.file, u, tree) && receiverOf(u, tree, routing).id === receiver.id);
}

export async function incomingCompleteness(deps: AppDeps, scope: PeriodScope, receiver: TreeUnit, round: Round = 'official'): Promise<Completeness> {
  const senders = sendersTo(scope, receiver);
  const rows = new Map((await listReports(deps.store.db, scope.template.file.id, scope.period.id, round, senders.map((u) => u.id))).map((r) => [r.unitId, r]));
  const result: Completeness = { expected: senders.length, submitted: 0, approved: 0, onTime: 0 };
  for (const u of senders) {
    const row = rows.get(u.id);
    if (!row || (row.status !== 'submitted' && row.status !== 'approved')) continue;
    result.submitted++;
    if (row.status === 'approved') result.approved++;
    const deadline = await deadlineOf(deps, scope.template, scope.period, u, scope.tree, round);
    if (row.submittedAt && (!deadline || isOnOrBefore(new Date(row.submittedAt), deadline))) result.onTime++;
  }
  return result;
}
