// The full recompute (rebuildPeriod, in SQL) of a period whose counted reports were made on an older
// template version: those reports are carried into the version in force through its lineage, as the
// maintenance carries them, and land in every unit above under the new row codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildPeriod } from '../../../server/services/rollup-build';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { ROLLUP_TEMPLATE, rollupTemplatesDir, T } from './rollup-fixtures';

let t: TestApp;
beforeEach(async () => {
  const dir = rollupTemplatesDir();
  // Version 2 from 2025Q3 renames row 's' (a sum) to 's2'.
  const v2 = {
    ...ROLLUP_TEMPLATE,
    version: 2,
    effectiveFrom: '2025Q3',
    rows: ROLLUP_TEMPLATE.rows.map((r) =>
      r.code === 's' ? { ...r, code: 's2', was: [{ code: 's', how: 'renamed' as const }] } : r.formula ? { ...r, formula: r.formula.replace("row('s')", "row('s2')") } : r,
    ),
  };
  writeFileSync(join(dir, T, '2.json'), JSON.stringify(v2));
  t = await createTestApp({ templatesDir: dir, now: new Date('2025-10-20T03:00:00Z') });
});
afterEach(() => t.close());

describe('the full recompute', () => {
  it('carries counted reports of an older version into the version in force, under its row codes, to every unit above', async () => {
    const db = t.deps.store.db;
    expect(t.deps.templates.forPeriod(T, '2025Q3')!.file.version).toBe(2);
    const tree = await t.deps.unitTrees.at('2025-09-30');
    const communes = tree.units.filter((u) => u.level === 'commune').slice(0, 3);
    const at = '2025-10-05T03:00:00Z';
    // Two reports on version 1 (made before version 2 was loaded) and one on version 2.
    const filed: [number, number, string, number][] = [
      [communes[0]!.id, 1, 's', 7],
      [communes[1]!.id, 1, 's', 11],
      [communes[2]!.id, 2, 's2', 5],
    ];
    for (const [unitId, version, row, value] of filed) {
      await db.run(sql`INSERT INTO reports (template_id, template_version, period_id, unit_id, status, revision, submitted_at, decided_at, created_at, updated_at)
        VALUES (${T}, ${version}, '2025Q3', ${unitId}, 'approved', 1, ${at}, ${at}, ${at}, ${at})`);
      await db.run(sql`INSERT INTO cell_values (report_id, row_code, col_key, num_value)
        SELECT id, ${row}, 'a', ${value} FROM reports WHERE template_id = ${T} AND period_id = '2025Q3' AND unit_id = ${unitId}`);
    }
    await t.deps.store.write((tx) => rebuildPeriod(tx, t.deps.templates, T, '2025Q3', at));
    // Every unit above each commune holds its share; one above all three holds the total.
    const cells = await db.all<{ unit_id: number; row_code: string; sum: number; count: number }>(sql`
      SELECT unit_id, row_code, sum, count FROM rollup_cells WHERE template_id = ${T} AND period_id = '2025Q3' AND col_key = 'a' AND bucket = 'approved'`);
    expect(cells.filter((c) => c.row_code === 's')).toEqual([]);
    const expected = new Map<number, { sum: number; count: number }>();
    for (const [unitId, , , value] of filed) {
      for (let above = tree.parentOf(tree.byId(unitId)!); above; above = tree.parentOf(above)) {
        const e = expected.get(above.id) ?? { sum: 0, count: 0 };
        expected.set(above.id, { sum: e.sum + value, count: e.count + 1 });
      }
    }
    const got = new Map(cells.filter((c) => c.row_code === 's2').map((c) => [c.unit_id, { sum: c.sum, count: c.count }]));
    expect(got).toEqual(expected);
    expect([...expected.values()].some((e) => e.sum === 23 && e.count === 3)).toBe(true);
  });
});
