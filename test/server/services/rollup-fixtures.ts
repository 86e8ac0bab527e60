// A quarterly test form with every aggregation of the template format, for the roll-up tests: sum,
// stock (last), average, min, max, none, a ratio recomputed from sums, a text row, decimals, and
// last-year and year-to-date columns that read across the 2025 reform; and a preliminary round.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TemplateFile } from '../../../schema/template';
import type { Db } from '../../../server/db/client';

export const T = 'tong-hop-thu';

export const ROLLUP_TEMPLATE: TemplateFile = {
  id: T,
  version: 1,
  effectiveFrom: '2024Q1',
  formNumber: 'Biểu thử tổng hợp',
  title: 'Biểu thử mọi cách tổng hợp',
  frequency: 'quarterly',
  calendar: 'decree09',
  regime: {
    name: 'Báo cáo thử',
    kind: 'periodic',
    content: 'Mọi cách tổng hợp',
    reporters: [
      { to: '2025-06-30', levels: ['commune', 'district', 'province'] },
      { from: '2025-07-01', levels: ['commune', 'province'] },
    ],
    recipient: 'UBND tỉnh',
    method: 'Hệ thống thông tin báo cáo',
    cutoff: 'Điều 12 Nghị định 09/2019/NĐ-CP',
    deadlineWorkingDays: { commune: 2, district: 4, province: 6 },
    // A preliminary round (số ước) too, so the roll-up tests cover rounds (issue 11).
    rounds: { preliminary: { deadlineWorkingDays: { commune: 1, district: 2, province: 3 } } },
    legalBasis: [{ number: '09/2019/NĐ-CP', date: '2019-01-24' }],
  },
  columns: [
    { key: 'a', label: 'Số liệu' },
    { key: 'b', label: 'Số thập phân', valueType: 'decimal', decimals: 2 },
    { key: 'cung_ky', label: 'Cùng kỳ', formula: "lastYear(col('a'))" },
    { key: 'luy_ke', label: 'Lũy kế', formula: "ytd(col('a'))" },
  ],
  rows: [
    { code: 's', label: 'Tổng', aggregation: 'sum' },
    { code: 'l', label: 'Tồn cuối kỳ', aggregation: 'last' },
    { code: 'v', label: 'Bình quân', aggregation: 'average' },
    { code: 'lo', label: 'Thấp nhất', aggregation: 'min' },
    { code: 'hi', label: 'Cao nhất', aggregation: 'max' },
    { code: 'n', label: 'Không cộng', aggregation: 'none' },
    { code: 'r', label: 'Tỷ lệ', formula: "row('s') / row('l') * 100", aggregation: 'formula', valueType: 'decimal', decimals: 2 },
    { code: 't', label: 'Ghi chú', valueType: 'text' },
  ],
};

/** A templates folder holding only the test form. */
export function rollupTemplatesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bc-rollup-tpl-'));
  mkdirSync(join(dir, T));
  writeFileSync(join(dir, T, '1.json'), JSON.stringify(ROLLUP_TEMPLATE));
  return dir;
}

/**
 * The demo gives a code reused by the reform one user, on the new unit: give that user the same role
 * on the pre-reform unit too, until 30/06/2025, so tests can file the old unit's reports.
 */
export async function grantPreReformRoles(db: Db): Promise<void> {
  await db.run(sql`
    INSERT INTO user_roles (user_id, role, unit_id, valid_from, valid_to)
    SELECT r.user_id, r.role, old.id, old.valid_from, old.valid_to
    FROM user_roles r JOIN units new ON new.id = r.unit_id
    JOIN units old ON old.code = new.code AND old.valid_to = '2025-06-30' AND old.level = new.level
    WHERE new.valid_from = '2025-07-01'`);
}

/** A day just after a period's data cutoff, when its reports are filed: the clock for acting on it. */
export const filingDay = (periodEnd: string) => new Date(`${periodEnd}T03:00:00Z`).getTime() + 5 * 86_400_000;
