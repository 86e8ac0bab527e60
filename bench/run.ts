// npm run bench: the figures the team quotes, each next to a baseline measured in the same run.
//  - roll-up of a whole province (official unit lists) against one SQL GROUP BY over the same rows;
//  - saving a full Biểu 06 report through the API against the same rows written by raw SQL;
//  - computing a monthly socio-economic report with 12 months of history against a plain summing loop;
//  - the Excel package of a province against a plain exceljs workbook with the same cells.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { units, userRoles, users } from '../schema/db';
import { createApp } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { cellKey, type CellValues } from '../domain/template/cell-key';
import { computeReport } from '../domain/template/evaluator';
import { createFixture } from './fixture';
import { measure, printTable, type Row } from './measure';

const rows: Row[] = [];
const T = 'bieu-06-vpcp-kstt';

for (const [province, runs] of [['20', 15], ['38', 8]] as const) {
  const fx = await createFixture(province);
  const app = createApp(fx.deps);
  const login = async (username: string, password: string) =>
    (await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) }))
      .headers.get('set-cookie')!
      .split(';')[0]!;
  const cookie = await login(`lanhdao-${province}`, 'bench');
  const label = `${fx.communes} communes, ${fx.districts} districts`;

  const rollup = await measure(runs, async () => {
    const res = await app.request(`/api/aggregates/${T}/2025Q1/${province}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`aggregate ${res.status}`);
    await res.arrayBuffer();
  });
  const sql = await measure(runs, () =>
    fx.store.client.execute({
      sql: `SELECT cv.row_code, cv.col_key, SUM(cv.num_value) FROM cell_values cv JOIN reports r ON r.id = cv.report_id
            WHERE r.template_id = ? AND r.period_id = ? AND r.status = 'approved' GROUP BY cv.row_code, cv.col_key`,
      args: [T, '2025Q1'],
    }),
  );
  rows.push({ name: `roll-up of province ${province} (${label})`, ours: rollup, baselineName: 'SQL GROUP BY sum', baseline: sql, note: 'ours adds rules, formulas, completeness, per-child roll-ups' });

  const xlsx = await measure(Math.max(3, Math.floor(runs / 3)), async () => {
    const res = await app.request(`/api/exports/${T}/2025Q1/${province}.xlsx`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`export ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  });
  const sheets = fx.communes + fx.districts + 1;
  const plain = await measure(Math.max(3, Math.floor(runs / 3)), async () => {
    const wb = new ExcelJS.Workbook();
    for (let s = 0; s <= sheets; s++) {
      const ws = wb.addWorksheet(`S${s}`);
      for (let r = 0; r < 21; r++) ws.addRow(Array.from({ length: 11 }, (_, c) => r * c));
    }
    await wb.xlsx.writeBuffer();
  });
  rows.push({ name: `Excel package of province ${province} (${sheets} sheets)`, ours: xlsx, baselineName: 'plain exceljs, same cells', baseline: plain, note: 'ours: styled form layout, merges, formats' });

  if (province === '20') {
    // Saving: one officer re-saving every cell of a full report.
    const officer = 'canbo-bench';
    const passwordHash = await hashPassword('bench');
    const [officerRow] = await fx.store.db.insert(users).values({ username: officer, name: 'Cán bộ', passwordHash, createdAt: new Date().toISOString() }).returning({ id: users.id });
    const [commune] = await fx.store.db.select({ id: units.id }).from(units).where(eq(units.code, '05971'));
    await fx.store.db.insert(userRoles).values({ userId: officerRow!.id, role: 'officer', unitId: commune!.id, validFrom: '2020-01-01', validTo: null });
    const officerCookie = await login(officer, 'bench');
    const template = fx.deps.templates.latest(T)!;
    let revision = 0;
    let k = 0;
    const save = await measure(20, async () => {
      k++;
      const values = template.compiled.inputCells.map((c) => ({ row: c.row, col: c.col, value: (k + c.row.length) % 7 }));
      const res = await app.request(`/api/reports/${T}/2025Q2/05971/values`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: officerCookie },
        body: JSON.stringify({ revision, values }),
      });
      if (res.status !== 200) throw new Error(`save ${res.status}: ${await res.text()}`);
      revision = ((await res.json()) as { revision: number }).revision;
    });
    const cells = template.compiled.inputCells.length;
    const raw = await measure(20, async () => {
      k++;
      await fx.store.client.batch(
        [
          'CREATE TEMP TABLE IF NOT EXISTS bench_cells (r TEXT, c TEXT, v REAL, PRIMARY KEY (r, c))',
          ...template.compiled.inputCells.map((c) => ({ sql: 'INSERT OR REPLACE INTO bench_cells VALUES (?, ?, ?)', args: [c.row, c.col, k % 7] })),
        ],
        'write',
      );
    });
    rows.push({ name: `save a full Biểu 06 report (${cells} cells) via PUT`, ours: save, baselineName: 'raw SQL upsert, 1 tx', baseline: raw, note: 'ours adds validation, revision check, audit, rules' });
  }
  fx.store.close();
}

// Formulas: the monthly socio-economic report, 12 months of history, cùng kỳ / so sánh / lũy kế.
{
  const fx = await createFixture('20', 'units-2025-03-01-lang-son.csv');
  const template = fx.deps.templates.latest('kinh-te-xa-hoi-xa')!;
  fx.store.close();
  const history = new Map<string, CellValues>();
  const months: string[] = [];
  for (const year of [2024, 2025]) for (let m = 1; m <= 12; m++) months.push(`${year}${String(m).padStart(2, '0')}`);
  for (const [i, id] of months.entries()) {
    history.set(id, new Map(template.compiled.inputCells.filter((c) => c.valueType !== 'text').map((c, j) => [c.key, 100 + ((i * 13 + j * 7) % 50)])));
  }
  const ctx = {
    periodId: '202512',
    inputs: (id: string) => history.get(id),
    previousPeriodId: (id: string) => months[months.indexOf(id) - 1],
    samePeriodLastYearId: (id: string) => months[months.indexOf(id) - 12],
    periodsOfYearUpTo: (id: string) => months.slice(months.indexOf(id) - ((months.indexOf(id) % 12)), months.indexOf(id) + 1),
  };
  const ours = await measure(200, () => computeReport(template.compiled, ctx));
  const inputs = template.compiled.inputCells;
  const baseline = await measure(200, () => {
    // The same arithmetic written by hand: this month, last year, ratio, year to date per input cell.
    const out = new Map<string, number>();
    for (const c of inputs) {
      const num = (m: string) => Number(history.get(m)!.get(c.key) ?? 0);
      const now = num('202512');
      const before = num('202412');
      let ytd = 0;
      for (const m of months.slice(12)) ytd += num(m);
      out.set(cellKey(c.row, 'cung_ky'), before);
      out.set(cellKey(c.row, 'so_sanh'), before ? (now / before) * 100 : 0);
      out.set(cellKey(c.row, 'luy_ke'), ytd);
    }
    return out;
  });
  rows.push({ name: `compute a monthly KT-XH report (${template.compiled.cells.length} cells, 12 months of history)`, ours, baselineName: 'hand-written loop', baseline, note: 'ours: safe formula language, any template' });
}

printTable(rows);
