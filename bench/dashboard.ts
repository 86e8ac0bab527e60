// The dashboard rows of npm run bench (issue 12): a province's dashboard over HTTP on the national
// database, beside the plain SQL that counts the same reports by status (GROUP BY over the province's
// subtree, and the indicator summed per district from the stored values) measured in the same run. Goal: the status of a province under 100 ms.
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client';

type Row = (name: string, runs: number, ours: () => Promise<unknown>, baselineName: string, baseline: () => Promise<unknown>, note?: string) => Promise<void>;

export interface DashboardBench {
  row: Row;
  get: (path: string, cookie: string) => Promise<unknown>;
  /** The session of the province's head. */
  head: string;
  db: Db;
  provinceId: number;
  template: string;
  period: string;
  /** A row of the template with figures, for the comparison of the units below. */
  indicator: string;
}

export async function benchDashboard(b: DashboardBench): Promise<void> {
  const statusGroupBy = () =>
    b.db.all(sql`SELECT r.status, COUNT(*) FROM unit_closure c JOIN reports r ON r.unit_id = c.unit_id
      WHERE c.ancestor_id = ${b.provinceId} AND r.template_id = ${b.template} AND r.period_id = ${b.period} GROUP BY r.status`);
  // The indicator summed per district straight from the stored values.
  const indicatorGroupBy = () =>
    b.db.all(sql`SELECT k.ancestor_id, cv.col_key, SUM(cv.num_value) FROM units d JOIN unit_closure k ON k.ancestor_id = d.id
      JOIN reports r ON r.unit_id = k.unit_id AND r.template_id = ${b.template} AND r.period_id = ${b.period} AND r.status = 'approved'
      JOIN cell_values cv ON cv.report_id = r.id AND cv.row_code = ${b.indicator}
      WHERE d.parent_id = ${b.provinceId} GROUP BY k.ancestor_id, cv.col_key`);
  const q = `template=${b.template}&period=${b.period}&under=20`;
  await b.row('dashboard province', 15, () => b.get(`/api/dashboard/status?${q}`, b.head), 'plain GROUP BY status of the province', statusGroupBy,
    'GET /api/dashboard/status: Lạng Sơn, 194 communes with deadlines and working days, 11 districts to drill down');
  await b.row('dashboard province compare', 15, () => b.get(`/api/dashboard/compare?${q}&row=${b.indicator}`, b.head), 'plain GROUP BY of the indicator per district', indicatorGroupBy,
    'GET /api/dashboard/compare: one indicator for the 11 districts, from the maintained roll-ups');
}
