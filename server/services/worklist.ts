// "My reports": for each template and the current period and the three before it, the reports the
// caller fills (their own unit's, or the one their agency compiles), and for heads and viewers the unit
// whose reports they follow or decide, with how far those have got; overdue first, then by due date.
import type { Completeness, WorklistItem, WorklistRound } from '../../schema/api';
import type { Round } from '../../schema/template';
import { compilerOf, receiverOf } from '../../domain/access';
import { type Period, periodContaining, previousPeriod, roundsOfPeriod } from '../../domain/periods';
import { isReportingUnit } from '../../domain/reporting-levels';
import { isAgency, type TreeUnit } from '../../domain/unit-tree';
import { isLate, vnDate } from '../../domain/vn-time';
import { compareWorklistLines } from '../../domain/worklist-order';
import type { SessionUser } from '../auth/sessions';
import { listReports, type ReportRow } from '../db/reports';
import type { RequestDeps } from '../env';
import { completenessOf } from './aggregate';
import { deadlineOf, type PeriodScope, resolvePeriodScope } from './report-context';
import { incomingCompleteness } from './incoming';

const PERIODS_SHOWN = 4;

export async function buildWorklist(deps: RequestDeps, user: SessionUser): Promise<WorklistItem[]> {
  const today = vnDate(deps.clock());
  const items: WorklistItem[] = [];
  for (const summary of deps.templates.list()) {
    const latest = deps.templates.latest(summary.id)!;
    for (const period of recentPeriods(latest.spec, today)) {
      const scope = await resolvePeriodScope(deps, user, summary.id, period.id).catch(() => undefined);
      if (!scope) continue;
      const { template, tree, grants, routing } = scope;
      // The units whose report this user works on, and for a head the unit they receive for.
      const mine = new Map<number, { unit: TreeUnit; receiving?: TreeUnit }>();
      for (const grant of grants) {
        const held = grant.unitId === null ? undefined : tree.byId(grant.unitId);
        if (!held) continue;
        const parent = tree.parentOf(held);
        if (grant.role !== 'viewer') {
          if (isReportingUnit(template.file, held, tree)) mine.set(held.id, { ...mine.get(held.id), unit: held });
          if (parent && isAgency(held) && compilerOf(parent, tree, routing)?.id === held.id) mine.set(parent.id, { ...mine.get(parent.id), unit: parent });
        }
        if (grant.role === 'head' && isAgency(held) && parent) {
          // An agency's head follows what the template routes to it, on the page of the unit it compiles for.
          const receives = tree.units.some((u) => u.id !== held.id && receiverOf(u, tree, routing).id === held.id && isReportingUnit(template.file, u, tree));
          if (receives) mine.set(parent.id, { unit: parent, receiving: held });
        } else if ((grant.role === 'head' || grant.role === 'viewer') && !isAgency(held)) {
          // A head or a viewer of an administrative unit follows the units below it that fill the form.
          const follows = tree.subtree(held).some((u) => u.id !== held.id && isReportingUnit(template.file, u, tree));
          if (follows) mine.set(held.id, { unit: held, receiving: held });
        }
      }
      const ids = [...mine.keys()];
      const rounds = roundsOfPeriod(template.file, period.id);
      const rowsOf = new Map<Round, Map<number, ReportRow>>();
      for (const round of rounds) rowsOf.set(round, new Map((await listReports(deps.store.db, summary.id, period.id, round, ids)).map((r) => [r.unitId, r])));
      for (const { unit, receiving } of mine.values()) {
        const isReporter = isReportingUnit(template.file, unit, tree);
        const lines: WorklistRound[] = [];
        for (const round of rounds) {
          const row = rowsOf.get(round)!.get(unit.id);
          const deadline = await deadlineOf(deps, template, period, unit, tree, round);
          const sent = row && (row.status === 'submitted' || row.status === 'approved') ? row.submittedAt : null;
          lines.push({
            round,
            status: row?.status ?? 'draft',
            revision: row?.revision ?? 0,
            submittedAt: row?.submittedAt ?? null,
            deadline,
            isLate: isReporter && isLate(deadline, sent ?? null, deps.clock()),
            ...(receiving ? { below: await belowOf(deps, { ...scope, period }, receiving, round) } : {}),
          });
        }
        const official = lines.at(-1)!;
        items.push({
          template: { id: summary.id, title: summary.title, formNumber: summary.formNumber, frequency: summary.frequency },
          period: { id: period.id, label: period.label, start: period.start, end: period.end, deadlines: {} },
          unit: { code: unit.code, name: unit.name, level: unit.level },
          isReporter,
          status: official.status,
          revision: official.revision,
          submittedAt: official.submittedAt,
          deadline: official.deadline,
          isLate: official.isLate,
          ...(official.below ? { below: official.below } : {}),
          ...(lines.length > 1 ? { rounds: lines } : {}),
        });
      }
    }
  }
  return items.sort((a, b) => compareWorklistLines(nextToSend(a), nextToSend(b)));
}

/**
 * How far the reports a head receives have got. For an administrative unit, counted as its roll-up counts
 * them (domain unitsThatMustReport: its own report too when it fills the form), so the worklist, the
 * roll-up, the exports and the units-below tab agree (issue 13); for an agency, the reports routed to it.
 */
async function belowOf(deps: RequestDeps, scope: PeriodScope, receiving: TreeUnit, round: Round): Promise<Completeness> {
  if (isAgency(receiving)) return incomingCompleteness(deps, scope, receiving, round);
  return completenessOf(deps, scope.template, { period: scope.period, members: [scope.period], spec: scope.template.spec }, scope.tree, receiving, round);
}

/**
 * What a line is ordered by: its first round still to send (the estimate, số ước, before the official
 * figures), so an officer sees the estimate due first on top. An estimate never sent stops counting once
 * the official figures are sent, which replace it; with every round sent, the official one.
 */
function nextToSend(item: WorklistItem) {
  const rounds = item.rounds ?? [];
  const isSent = (r: WorklistRound) => r.status === 'submitted' || r.status === 'approved';
  const after = rounds.findLastIndex(isSent);
  const open = rounds.slice(after + 1).find((r) => !isSent(r));
  return open ? { ...item, status: open.status, deadline: open.deadline, isLate: open.isLate } : item;
}

/** The period in progress today and the ones just before it, newest first. */
function recentPeriods(spec: Parameters<typeof periodContaining>[0], today: string): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(spec, today); p && out.length < PERIODS_SHOWN; p = previousPeriod(spec, p)) out.push(p);
  return out;
}
