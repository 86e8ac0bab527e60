// An open list in the unit's Excel form (issue 10, issue 11): the workbook lays the case list out as the
// grid does, the cases held plus blank rows, item rows unlocked, text columns as text cells and the
// list's total a formula over them; an upload of cases typed into the blank rows previews them cell by
// cell, then saves them with the derived total that rolls up; rows inserted into the list, figures typed
// below the table and a hidden sheet naming more rows than the form allows are refused with the reason;
// a file re-saved by LibreOffice reads back the same.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate } from '../../../schema/api';
import { OPEN_LIST_BLANK_ROWS } from '../../../domain/template/lists';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'vu-viec-khieu-nai-to-cao-xa';
const P = '2025Q3';
const COLUMNS = ['noi_dung', 'loai', 'so_don', 'so_nguoi', 'da_giai_quyet'] as const;
type Case = [string, string, number, number, number];
const HELD: Case[] = [
  ['Tranh chấp đất đai tổ 3, khối 5', 'Khiếu nại', 2, 4, 1],
  ['Tố cáo cán bộ địa chính', 'Tố cáo', 1, 1, 0],
];
const TYPED: Case[] = [
  ['Bồi thường giải phóng mặt bằng đường Bà Triệu', 'Khiếu nại', 5, 12, 1],
  ['Cấp giấy chứng nhận quyền sử dụng đất', 'Khiếu nại', 3, 3, 0],
  ['Xử phạt vi phạm trật tự xây dựng', 'Tố cáo', 1, 2, 1],
];
const SECTIONS = [
  { key: 'danh_gia_chung', text: 'Ổn định.' },
  { key: 'kho_khan_vuong_mac', text: 'Không có.' },
];
const itemValues = (cases: Case[], from = 1) => cases.flatMap((c, i) => COLUMNS.map((col, j) => ({ row: `DS.${from + i}`, col, value: c[j]! })));

type Report = { revision: number; values: { row: string; col: string; value: number | string }[] };
let t: TestApp;
const cookies = new Map<string, string>();
const as = async (user: string) => cookies.get(user) ?? (cookies.set(user, await t.login(user)), cookies.get(user)!);
const officer = (unit: string) => as(`canbo-${unit}`);
const formUrl = (unit: string) => `/api/forms/${T}/${P}/${unit}.xlsx`;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-09-17T03:00:00Z') });
  const put = await t.request(`/api/reports/${T}/${P}/05977/values`, { method: 'PUT', cookie: await officer('05977'), json: { revision: 0, values: itemValues(HELD), sections: SECTIONS } });
  expect(put.status, await put.clone().text()).toBe(200);
}, 60_000);
afterAll(() => t.close());

async function download(unit: string): Promise<ExcelJS.Workbook> {
  const res = await t.request(formUrl(unit), { cookie: await officer(unit) });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A form sheet read as a person would: rows by their code in column A (below the numbering row), columns by their number '(n)'. */
function table(ws: ExcelJS.Worksheet) {
  const rows = new Map<string, ExcelJS.Row>();
  let numbering: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    const a = r.getCell(1).value;
    if (a === 'A' && r.getCell(2).value === 'B') numbering ??= r;
    else if (typeof a === 'string' && numbering) rows.set(a, r);
  });
  const columns = new Map<string, number>();
  numbering!.eachCell((c, n) => {
    const m = /^\((\d+)\)$/.exec(String(c.value));
    if (m) columns.set(COLUMNS[Number(m[1]) - 1]!, n);
  });
  const cell = (row: string, col: (typeof COLUMNS)[number]) => rows.get(row)!.getCell(columns.get(col)!);
  return { rows, cell };
}

function fill(ws: ExcelJS.Worksheet, cases: Case[], from: number) {
  const { cell } = table(ws);
  cases.forEach((c, i) => COLUMNS.forEach((col, j) => (cell(`DS.${from + i}`, col).value = c[j]!)));
}

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const upload = async (unit: string, body: Uint8Array<ArrayBuffer>, query = '?preview=true') =>
  t.request(`${formUrl(unit)}${query}`, { method: 'POST', cookie: await officer(unit), body, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
const report = async (unit: string) => (await (await t.request(`/api/reports/${T}/${P}/${unit}`, { cookie: await officer(unit) })).json()) as Report;
const at = (values: Report['values'], row: string, col: string) => values.find((v) => v.row === row && v.col === col)?.value;
const itemsIn = (r: Report) => new Set(r.values.filter((v) => v.row.startsWith('DS.')).map((v) => v.row)).size;
const sumOf = (cases: Case[], j: number) => cases.reduce((s, c) => s + (c[j] as number), 0);

describe("an open list in the unit's Excel form", () => {
  it('lays the list out as the grid does: the cases held plus blank rows, unlocked, text columns as text, the total a formula over them', async () => {
    const wb = await download('05977');
    const ws = wb.worksheets[0]!;
    const { rows, cell } = table(ws);
    const offered = HELD.length + OPEN_LIST_BLANK_ROWS;
    const items = [...rows.keys()].filter((c) => c.startsWith('DS.'));
    expect(items).toEqual(Array.from({ length: offered }, (_, i) => `DS.${i + 1}`));
    expect(items.map((c) => rows.get(c)!.getCell(2).value)).toEqual(Array.from({ length: offered }, (_, i) => `Vụ việc ${i + 1}`));
    // The held cases' values, text and figures.
    expect(COLUMNS.map((col) => cell('DS.2', col).value)).toEqual(HELD[1]);
    expect(cell('DS.3', 'noi_dung').value).toBeNull();
    // Every item cell is open to typing; text columns are text cells, figures keep their number format.
    for (const code of items) for (const col of COLUMNS) expect(cell(code, col).protection?.locked).toBe(false);
    expect(cell('DS.12', 'loai').numFmt).toBe('@');
    expect(cell('DS.12', 'so_don').numFmt).not.toBe('@');
    // The list's total: a locked formula over the item rows, with the stored total as its result.
    const total = cell('DS', 'so_don');
    expect(total.protection?.locked).not.toBe(false);
    const formula = total.value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toBe(`IFERROR(SUM(${items.map((c) => cell(c, 'so_don').address).join(',')}),"")`);
    expect(formula.result).toBe(sumOf(HELD, 2));
    // The hidden sheet records the rows the list was written out with.
    const id = wb.getWorksheet('_bieu_mau')!;
    const lines = id.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(lines).toContainEqual(['list', 'DS', offered]);
  });

  it('previews cases typed into the blank rows and saves nothing; then saves them with the derived total, which rolls up', async () => {
    const wb = await download('05977');
    fill(wb.worksheets[0]!, TYPED, HELD.length + 1);
    const body = await bytesOf(wb);
    const before = await report('05977');

    const preview = await upload('05977', body);
    expect(preview.status, await preview.clone().text()).toBe(200);
    const { changes, issues } = (await preview.json()) as { changes: { row: string; col: string; oldValue: unknown; newValue: unknown }[]; issues: { row: string; code: string }[] };
    expect(changes).toEqual(itemValues(TYPED, HELD.length + 1).map((v) => ({ row: v.row, col: v.col, oldValue: null, newValue: v.value })));
    expect(issues.filter((i) => i.row.startsWith('DS'))).toEqual([]);
    expect(await report('05977')).toEqual(before);

    const saved = await upload('05977', body, '');
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(((await saved.json()) as { revision: number }).revision).toBe(before.revision + 1);
    const after = await report('05977');
    expect(itemsIn(after)).toBe(HELD.length + TYPED.length);
    expect(at(after.values, 'DS.5', 'noi_dung')).toBe(TYPED[2]![0]);
    expect(at(after.values, 'DS.4', 'loai')).toBe(TYPED[1]![1]);
    const all = [...HELD, ...TYPED];
    expect(at(after.values, 'DS', 'so_don')).toBe(sumOf(all, 2));
    expect(at(after.values, 'DS', 'so_nguoi')).toBe(sumOf(all, 3));

    const submit = await t.request(`/api/reports/${T}/${P}/05977/submit`, { method: 'POST', cookie: await officer('05977') });
    expect(submit.status, await submit.clone().text()).toBe(200);
    const agg = (await (await t.request(`/api/aggregates/${T}/${P}/20?include=submitted`, { cookie: await as('lanhdao-20') })).json()) as Aggregate;
    expect(agg.values).toContainEqual({ row: 'DS', col: 'so_don', value: sumOf(all, 2) });
    expect(agg.values).toContainEqual({ row: 'DS', col: 'da_giai_quyet', value: sumOf(all, 4) });

    // Downloaded again, the list offers the five cases and ten blank rows.
    const again = table((await download('05977')).worksheets[0]!);
    expect([...again.rows.keys()].filter((c) => c.startsWith('DS.'))).toHaveLength(all.length + OPEN_LIST_BLANK_ROWS);
  });

  it('refuses a row inserted into the list, a case typed below the table and a hidden sheet naming more rows than the form allows, saving nothing', async () => {
    const reason = async (wb: ExcelJS.Workbook) => {
      const res = await upload('05983', await bytesOf(wb));
      expect(res.status).toBe(422);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    const inserted = await download('05983');
    const ws = inserted.worksheets[0]!;
    ws.spliceRows(table(ws).rows.get('DS.4')!.number, 0, ['DS.4a', 'Vụ việc thêm']);
    const refused = await reason(inserted);
    expect(refused.code).toBe('foreign-workbook');
    expect(refused.message).toMatch(/bố cục.*"Vụ việc 4".*tải lại biểu mẫu/);

    const below = await download('05983');
    const sheet = below.worksheets[0]!;
    const last = table(sheet).rows.get(`DS.${OPEN_LIST_BLANK_ROWS}`)!.number;
    sheet.getCell(last + 1, 3).value = 'Vụ việc thứ mười một';
    expect(await reason(below)).toMatchObject({ code: 'foreign-workbook', message: expect.stringContaining(`dòng ${last + 1}, ngoài bảng`) });

    const tampered = await download('05983');
    const id = tampered.getWorksheet('_bieu_mau')!;
    id.eachRow((r) => {
      if (r.getCell(1).value === 'list') r.getCell(3).value = 201;
    });
    expect(await reason(tampered)).toMatchObject({ code: 'foreign-workbook' });
    expect((await report('05983')).revision).toBe(0);
  });

  it.runIf(existsSync('/usr/bin/soffice'))('reads cases typed into a workbook re-saved by LibreOffice, and saves them', async () => {
    const wb = await download('05983');
    const cases: Case[] = [['Khiếu nại về thu hồi đất', '12', 2, 2, 0], ...TYPED.slice(0, 1)];
    fill(wb.worksheets[0]!, cases, 1);
    const dir = mkdtempSync(join(tmpdir(), 'form-list-lo-'));
    try {
      mkdirSync(join(dir, 'in'));
      const input = join(dir, 'in', 'form.xlsx');
      writeFileSync(input, await bytesOf(wb));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), input], { timeout: 120_000, stdio: 'ignore' });
      const resaved = new Uint8Array(readFileSync(join(dir, 'out', 'form.xlsx')));
      const preview = (await (await upload('05983', resaved)).json()) as { changes: { row: string; col: string; newValue: unknown }[] };
      // "12" typed as the kind of case stays text.
      expect(preview.changes).toEqual(itemValues(cases).map((v) => ({ row: v.row, col: v.col, oldValue: null, newValue: v.value })));
      const saved = await upload('05983', resaved, '');
      expect(saved.status, await saved.clone().text()).toBe(200);
      const after = await report('05983');
      expect(itemsIn(after)).toBe(cases.length);
      expect(at(after.values, 'DS', 'so_don')).toBe(sumOf(cases, 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
