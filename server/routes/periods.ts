// GET /api/periods?template=ID&year=YYYY: the periods of a year with their Decree 09 windows and the
// deadline of each level that reports in them.
import { Hono } from 'hono';
import { PeriodsQuery, type PeriodInfo } from '../../schema/api';
import { type Level, LEVELS } from '../../schema/template';
import { requireUser } from '../auth/middleware';
import { collectionOfPeriod, collectionsOf, deadlineRulesForPeriod, deadlinesFor, periodsOfYear } from '../../domain/periods';
import { reportingLevelsOn } from '../../domain/reporting-levels';
import type { AppEnv } from '../env';
import { requireTemplate } from '../services/report-context';
import { valid } from '../validate';

export const periodsRoutes = new Hono<AppEnv>().get('/', requireUser, valid('query', PeriodsQuery), async (c) => {
  const { template: id, year } = c.req.valid('query');
  const { deps } = c.var;
  const calendar = await deps.holidays.calendar();
  const latest = requireTemplate(deps, id);
  const periods: PeriodInfo[] = [];
  // The main frequency's periods, then those of each further collection of the version in force (issue 11).
  const frequencies = collectionsOf(latest.file);
  const candidates = frequencies.flatMap((spec) => periodsOfYear(spec, year));
  for (const p of candidates) {
    const template = deps.templates.forPeriod(id, p.id) ?? latest;
    if (!collectionOfPeriod(template.file, p.id)) continue;
    // Every level of the hierarchy in force has a deadline (Art. 8(5)), whether or not it fills the
    // form itself: the province still sends the roll-up on to the Government.
    const inForce = [...(await deps.unitTrees.at(p.end)).levels].filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
    const levels = inForce.length > 0 ? inForce : reportingLevelsOn(template.file, p.end);
    periods.push({
      id: p.id,
      label: p.label,
      start: p.start,
      end: p.end,
      deadlines: deadlinesFor(p, deadlineRulesForPeriod(template.file, p.id), calendar, levels),
    });
  }
  return c.json(periods);
});
