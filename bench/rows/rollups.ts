// The roll-up rows: the reference recompute from raw values, roll-ups over HTTP (a province, the
// nation) and the maintained roll-ups read directly, each beside a plain JOIN … GROUP BY of the same
// reports on the same database.
import { sql } from 'drizzle-orm';
import { periodFromId } from '../../domain/periods';
import { readSubtrees } from '../../server/services/rollup-read';
import type { RowModule } from '../context';
import { PERIOD, T } from '../fixture';

export const rollupRows: RowModule = {
  key: 'rollups',
  async run(ctx) {
    const db = ctx.fx.store.db;
    const groupBy = (where = sql``) =>
      db.all(sql`SELECT cv.row_code, cv.col_key, SUM(cv.num_value) FROM reports r ${where} JOIN cell_values cv ON cv.report_id = r.id
        WHERE r.template_id = ${T} AND r.period_id = ${PERIOD} AND r.status = 'approved' GROUP BY cv.row_code, cv.col_key`);
    const [province] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = '20' AND level = 'province'`);
    const [nation] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = 'VN'`);
    const provinceGroupBy = () => groupBy(sql`JOIN unit_closure c ON c.unit_id = r.unit_id AND c.ancestor_id = ${province!.id}`);
    const nationGroupBy = () => groupBy();
    const rows = [];
    // The reference recompute from raw values, in the server's worker thread; it also builds the
    // maintained roll-ups every read below looks up.
    rows.push(
      await ctx.measure({
        name: 'nation recompute',
        runs: 1,
        warmup: false,
        ours: () => ctx.server.call('recompute', { templateId: T, periodId: PERIOD }),
        baseline: 'plain GROUP BY of the nation',
        baselineFn: nationGroupBy,
        note: `${ctx.fx.communes} reports, 2.21 M values, worker thread`,
      }),
    );
    rows.push(
      await ctx.measure({
        name: 'province rollup',
        runs: 15,
        ours: () => ctx.get(`/api/aggregates/${T}/${PERIOD}/20`, ctx.head),
        baseline: 'plain GROUP BY of the province',
        baselineFn: provinceGroupBy,
        note: 'Lạng Sơn: 194 communes, 11 districts; over HTTP, with children and completeness',
      }),
    );
    rows.push(
      await ctx.measure({
        name: 'nation rollup',
        runs: 7,
        ours: () => ctx.get(`/api/aggregates/${T}/${PERIOD}/VN`, ctx.admin),
        baseline: 'plain GROUP BY of the nation',
        baselineFn: nationGroupBy,
        note: '10,047 communes to districts, provinces, nation; 63 children; over HTTP',
      }),
    );
    // The maintained roll-ups read in the bench process: the nation and its 63 provinces at once.
    const period = periodFromId(ctx.fx.deps.templates.latest(T)!.spec, PERIOD)!;
    const provinceIds = (await db.all<{ id: number }>(sql`SELECT id FROM units WHERE level = 'province'`)).map((p) => p.id);
    rows.push(
      await ctx.measure({
        name: 'maintained read',
        runs: 15,
        ours: () => readSubtrees(ctx.fx.deps, T, period, ['approved'], [nation!.id, ...provinceIds]),
        baseline: 'plain GROUP BY of the nation',
        baselineFn: nationGroupBy,
        note: 'nation + 63 provinces, one indexed lookup',
      }),
    );
    return rows;
  },
};
