// GET /api/worklist: "my reports" — for each template, the caller's unit in the current period and
// the three before it, with status and deadline; for heads, how far the units below have got.
import { Hono } from 'hono';
import type { WorklistItem } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { listReports } from '../db/reports';
import { type Period, periodContaining, previousPeriod } from '../../domain/periods';
import { reportingLevelsOn } from '../../domain/reporting-levels';
import { isLate, vnDate } from '../../domain/vn-time';
import type { AppEnv } from '../env';
import { completenessOf } from '../services/aggregate';
import { deadlineOf } from '../services/report-target';

const PERIODS_SHOWN = 4;

export const worklistRoutes = new Hono<AppEnv>().get('/', requireUser, async (c) => {
  const { deps, user } = c.var;
  const today = vnDate(deps.clock());
  const items: WorklistItem[] = [];
  if (!user!.unitCode) return c.json(items);
  for (const summary of deps.templates.list()) {
    const latest = deps.templates.latest(summary.id)!;
    for (const period of recentPeriods(latest.spec, today)) {
      const template = deps.templates.forPeriod(summary.id, period.id) ?? latest;
      const tree = await deps.unitTrees.at(period.end);
      const unit = tree.byCode(user!.unitCode);
      if (!unit) continue;
      const isReporter = reportingLevelsOn(template.file, period.end).includes(unit.level);
      const isHead = user!.role === 'head' && tree.childrenOf(unit).length > 0;
      if (!isReporter && !isHead) continue;
      const [row] = await listReports(deps.store.db, summary.id, period.id, [unit.id]);
      const deadline = await deadlineOf(deps, template, period, unit.level);
      const sent = row && (row.status === 'submitted' || row.status === 'approved') ? row.submittedAt : null;
      const item: WorklistItem = {
        template: { id: summary.id, title: summary.title, formNumber: summary.formNumber, frequency: summary.frequency },
        period: { id: period.id, label: period.label, start: period.start, end: period.end, deadlines: {} },
        unit: { code: unit.code, name: unit.name, level: unit.level },
        isReporter,
        status: row?.status ?? 'draft',
        revision: row?.revision ?? 0,
        submittedAt: row?.submittedAt ?? null,
        deadline,
        isLate: isReporter && isLate(deadline, sent ?? null, deps.clock()),
      };
      if (isHead) {
        item.below = await completenessOf(deps, template, { period, members: [period], spec: template.spec }, tree, unit, { below: true });
      }
      items.push(item);
    }
  }
  return c.json(items);
});

/** The period in progress today and the ones just before it, newest first. */
function recentPeriods(spec: Parameters<typeof periodContaining>[0], today: string): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(spec, today); p && out.length < PERIODS_SHOWN; p = previousPeriod(spec, p)) out.push(p);
  return out;
}
