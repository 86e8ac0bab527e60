// Negatives typed as accountants write them, in Chromium: "(12)" and "-12" are read as −12 in a row whose
// minimum allows negatives (a balance that can fall short) and refused with the reason in a row that
// does not (a count); the saved figure is −12 on the server. No shipped form has such a row yet, so the
// server runs with the shipped templates plus one test form written here.
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../schema/template';
import { apiAs, cell, openReport, poll, startE2E, text, type E2E } from './browser';

// 16/12/2025: Tháng 01/2026 (15/12/2025–14/01/2026) is open.
const NOW = new Date('2025-12-16T02:00:00Z');
const T = 'thu-chi-thu-nghiem';
const P = '202601';
const UNIT = '05977';

const balanceForm: TemplateFile = {
  id: T,
  version: 1,
  effectiveFrom: '202501',
  definedBy: 'project',
  formNumber: 'Mẫu HTBC-THU',
  title: 'Biểu thử: thu, chi và chênh lệch',
  unitOfMeasure: 'Triệu đồng',
  frequency: 'monthly',
  calendar: 'decree09',
  regime: {
    name: 'Báo cáo thử nghiệm',
    kind: 'periodic',
    content: 'Thu, chi và chênh lệch của xã',
    reporters: [{ levels: ['commune'] }],
    recipient: 'UBND tỉnh',
    method: 'Điện tử',
    cutoff: 'Điều 12',
    deadlineWorkingDays: { commune: 2 },
    legalBasis: [{ number: '09/2019/NĐ-CP', date: '2019-01-24' }],
  },
  defaults: { valueType: 'integer', min: 0 },
  columns: [{ key: 'so_tien', label: 'Số tiền' }],
  rows: [
    { code: '1', label: 'Số hồ sơ đã thu phí', unit: 'hồ sơ' },
    { code: '2', label: 'Chênh lệch thu - chi', unit: 'triệu đồng', min: -1_000_000_000 },
  ],
} as TemplateFile;

let e2e: E2E;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'neg-templates-'));
  cpSync('report-templates', dir, { recursive: true });
  mkdirSync(join(dir, T));
  writeFileSync(join(dir, T, '1.json'), JSON.stringify(balanceForm, null, 2));
  e2e = await startE2E('negative-entry', NOW, { templatesDir: dir });
});
afterAll(async () => {
  await e2e?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('negative figures in the grid', () => {
  it('reads "(12)" and "-12" as negatives where the row allows them, and refuses them where it does not', async () => {
    const page = await e2e.logIn(`canbo-${UNIT}`);
    await openReport(page, e2e.url, T, P, UNIT);

    // A count: "(12)" is refused with the reason, and the cell keeps nothing.
    await cell(page, '1', 'so_tien').click();
    await page.keyboard.type('(12)', { delay: 10 });
    await page.keyboard.press('Enter');
    await poll(() => text(page.locator('.editor-problem'))).toContain('không nhận số âm');
    await page.keyboard.press('Escape');
    await poll(() => text(cell(page, '1', 'so_tien'))).toBe('');

    // A balance: accounting brackets and a minus sign both read as negatives, shown with a minus.
    await cell(page, '2', 'so_tien').click();
    await page.keyboard.type('(1.250)', { delay: 10 });
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '2', 'so_tien'))).toBe('-1.250');
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    const api = await apiAs(e2e, `canbo-${UNIT}`);
    const at = async (row: string) => (await api.report(T, P, UNIT)).values.find((v) => v.row === row && v.col === 'so_tien')?.value;
    expect(await at('2')).toBe(-1250);
    expect(await at('1')).toBeUndefined();

    await cell(page, '2', 'so_tien').click();
    await page.keyboard.type('-12', { delay: 10 });
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '2', 'so_tien'))).toBe('-12');
    await page.keyboard.press('Control+s');
    await poll(async () => at('2')).toBe(-12);
    await page.context().close();
  }, 60_000);
});
