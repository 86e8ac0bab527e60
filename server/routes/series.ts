// GET /api/series/:template/:unit/:row?col=&from=&to=: one cell of a unit's reports over periods,
// continued across template versions through their row lineage (renamed and merged rows).
import { Hono } from 'hono';
import * as v from 'valibot';
import { requireUser } from '../auth/middleware';
import { comparePeriodIds, type Period, periodsOfYear } from '../../domain/periods';
import { cellKey } from '../../domain/template/cell-key';
import { computeReport } from '../../domain/template/evaluator';
import { accessTo, grantsInForce } from '../../domain/access';
import { vnDate } from '../../domain/vn-time';
import { pastOn } from '../../domain/unit-succession';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import type { AppEnv } from '../env';
import { badRequest, forbidden, notFound } from '../errors';
import { requirePeriod, requireTemplate, routingOf } from '../services/report-context';
import { buildEvalContext, unitInputLoader } from '../services/report-values';
import { valid } from '../validate';

const SeriesQuery = v.object({
  from: v.pipe(v.string(), v.minLength(1, 'from is required')),
  to: v.pipe(v.string(), v.minLength(1, 'to is required')),
  col: v.optional(v.string()),
});

export const seriesRoutes = new Hono<AppEnv>().get('/:template/:unit/:row', requireUser, valid('query', SeriesQuery), async (c) => {
  const { deps, user } = c.var;
  const { template: id, unit: code, row } = c.req.param();
  const query = c.req.valid('query');
  const latest = requireTemplate(deps, id);
  const from = requirePeriod(deps, latest, query.from);
  const to = requirePeriod(deps, latest, query.to);
  if (comparePeriodIds(latest.spec, from.id, to.id) > 0) throw badRequest('invalid-query', '"from" phải là kỳ trước hoặc bằng "to".');
  const periods: Period[] = [];
  for (let year = from.year; year <= to.year; year++) {
    for (const p of periodsOfYear(latest.spec, year)) if (p.start >= from.start && p.start <= to.start) periods.push(p);
  }
  if (periods.length > 240) throw badRequest('invalid-query', 'Chuỗi số liệu dài tối đa 240 kỳ.');

  const target = deps.templates.forPeriod(id, to.id)!;
  const col = query.col ?? target.compiled.columns[0]!.key;
  if (!target.compiled.cell(row, col)) throw notFound('not-found', `Biểu mẫu không có ô (${row}, ${col}).`);
  // The unit is the one holding the code at the end of the series; earlier periods are its own
  // reports, or before it existed the reports of the units it continues (issue 8).
  let unit: TreeUnit | undefined;
  let seenIn: UnitTree | undefined;
  for (let i = periods.length - 1; i >= 0 && !unit; i--) {
    seenIn = await deps.unitTrees.at(periods[i]!.end);
    unit = seenIn.byCode(code);
  }
  if (!unit || !seenIn) throw notFound('unknown-unit', `Không có đơn vị mã "${code}" trong các kỳ đã chọn.`);
  const grants = grantsInForce(user.grants, vnDate(deps.clock()));
  if (!accessTo(grants, unit, seenIn, routingOf(target)).view) throw forbidden(`Bạn không có quyền xem số liệu của ${unit.name}.`);
  const history = await deps.unitTrees.history();
  const loader = unitInputLoader(deps, target, unit);
  const points = [];
  for (const p of periods) {
    const own = (await loader([p])).get(p.id);
    let value = null;
    if (own) {
      const ctx = await buildEvalContext(target, p, own, loader);
      value = computeReport(target.compiled, ctx).get(cellKey(row, col)) ?? null;
    }
    const past = pastOn(history, unit.id, p.end);
    const tree = await deps.unitTrees.at(p.end);
    const names = past.sources.map((id) => tree.byId(id)?.name).filter((n): n is string => n !== undefined);
    points.push({
      period: p.id,
      label: p.label,
      unitName: names.length > 0 ? names.join(', ') : null,
      value,
      ...(past.incomplete ? { incomplete: true as const } : {}),
    });
  }
  return c.json({ template: id, templateVersion: target.file.version, unit: code, row, col, points });
});
