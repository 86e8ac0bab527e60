// The dashboard rows (issue 12, bench/dashboard.ts) as a row module: its `row` callback measured by
// the shared context. After the roll-up rows, whose recompute builds the maintained roll-ups it reads.
import { sql } from 'drizzle-orm';
import { benchDashboard } from '../dashboard';
import type { RowModule } from '../context';
import { PERIOD, T } from '../fixture';
import type { BenchRow } from '../measure';

export const dashboardRows: RowModule = {
  key: 'dashboard',
  async run(ctx) {
    const db = ctx.fx.store.db;
    const [province] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = '20' AND level = 'province'`);
    const indicator = ctx.fx.deps.templates.latest(T)!.compiled.dataRows.find((r) => !r.header && !r.formula)!.code;
    const rows: BenchRow[] = [];
    await benchDashboard({
      row: async (name, runs, ours, baseline, baselineFn, note) => void rows.push(await ctx.measure({ name, runs, ours, baseline, baselineFn, note })),
      get: ctx.get,
      head: ctx.head,
      db,
      provinceId: province!.id,
      template: T,
      period: PERIOD,
      indicator,
    });
    return rows;
  },
};
