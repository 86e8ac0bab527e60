// An open list in the packages (issue 11): each commune's sheet of the Excel package lists the cases it
// added (text and figures) under the list's total, while the roll-up sheet shows the total only, the
// sum across communes; the machine package and the exchange formats carry each report's items too; and
// LibreOffice opens the package with the items where the sheet has them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate } from '../../../schema/api';
import { parseCsv } from '../../../server/exchange/sdmx-csv';
import type { ReportPackage } from '../../../server/export/json-package';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { figuresOfAdx, figuresOfQcvn } from '../exchange/exchange-fixtures';

const T = 'vu-viec-khieu-nai-to-cao-xa';
const P = '2025Q3';
const SECTIONS = [
  { key: 'danh_gia_chung', text: 'Ổn định.' },
  { key: 'kho_khan_vuong_mac', text: 'Không có.' },
];
const COLUMNS = ['noi_dung', 'loai', 'so_don', 'so_nguoi', 'da_giai_quyet'] as const;
type Case = [string, string, number, number, number];
/** Each commune's cases: content, kind, petitions, people, resolved (0/1). */
const CASES: Record<string, Case[]> = {
  '05977': [
    ['Tranh chấp đất đai tổ 3, khối 5', 'Khiếu nại', 2, 4, 1],
    ['Tố cáo cán bộ địa chính', 'Tố cáo', 1, 1, 0],
    ['Bồi thường giải phóng mặt bằng đường Bà Triệu', 'Khiếu nại', 5, 12, 1],
  ],
  '05983': [
    ['Cấp giấy chứng nhận quyền sử dụng đất', 'Khiếu nại', 3, 3, 1],
    ['Xử phạt vi phạm trật tự xây dựng', 'Khiếu nại', 1, 2, 0],
  ],
};
const sum = (col: number) => Object.values(CASES).flat().reduce((s, c) => s + (c[col] as number), 0);

const run = promisify(execFile);
let t: TestApp;
let head: string;
let dir: string;
let workbook: ExcelJS.Workbook;
let xlsxFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-open-lists-'));
  t = await createTestApp({ now: new Date('2025-09-17T03:00:00Z') });
  for (const [unit, cases] of Object.entries(CASES)) {
    const cookie = await t.login(`canbo-${unit}`);
    const values = cases.flatMap((c, i) => COLUMNS.map((col, j) => ({ row: `DS.${i + 1}`, col, value: c[j]! })));
    const put = await t.request(`/api/reports/${T}/${P}/${unit}/values`, { method: 'PUT', cookie, json: { revision: 0, values, sections: SECTIONS } });
    expect(put.status, await put.clone().text()).toBe(200);
    const submit = await t.request(`/api/reports/${T}/${P}/${unit}/submit`, { method: 'POST', cookie });
    expect(submit.status, await submit.clone().text()).toBe(200);
  }
  head = await t.login('lanhdao-20');
  const res = await t.request(`/api/exports/${T}/${P}/20.xlsx?include=submitted`, { cookie: head });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  xlsxFile = join(dir, 'package.xlsx');
  writeFileSync(xlsxFile, bytes);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}, 60_000);
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A sheet's table read as a person would: rows by their code in column A, columns by their number '(n)'. */
function table(ws: ExcelJS.Worksheet) {
  const rows = new Map<string, ExcelJS.Row>();
  let numbering: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    const a = r.getCell(1).value;
    if (a === 'A' && r.getCell(2).value === 'B') numbering ??= r;
    else if (typeof a === 'string' && numbering) rows.set(a, r);
  });
  const colOf = new Map<string, number>();
  numbering!.eachCell((c, n) => {
    const m = /^\((\d+)\)$/.exec(String(c.value));
    if (m) colOf.set(COLUMNS[Number(m[1]) - 1]!, n);
  });
  const value = (row: string, col: string) => rows.get(row)?.getCell(colOf.get(col)!).value ?? null;
  return { codes: [...rows.keys()], rows, colOf, value };
}
const sheetOf = (prefix: string) => workbook.worksheets.find((ws) => ws.name.startsWith(prefix))!;

describe('the Excel package of a form with an open list', () => {
  it('lists a commune’s own cases on its sheet, text as text, figures as numbers, under the list’s total', () => {
    for (const [unit, cases] of Object.entries(CASES)) {
      const sheet = table(sheetOf(unit));
      expect(sheet.codes.filter((c) => c.startsWith('DS'))).toEqual(['DS', ...cases.map((_, i) => `DS.${i + 1}`)]);
      cases.forEach((c, i) => {
        const row = `DS.${i + 1}`;
        expect(sheet.rows.get(row)!.getCell(2).value).toBe(`Vụ việc ${i + 1}`);
        COLUMNS.forEach((col, j) => expect(sheet.value(row, col), `${unit} ${row} ${col}`).toBe(c[j]));
        expect(sheet.rows.get(row)!.getCell(sheet.colOf.get('noi_dung')!).numFmt).toBe('@');
      });
      const own = (col: number) => cases.reduce((s, c) => s + (c[col] as number), 0);
      expect([sheet.value('DS', 'so_don'), sheet.value('DS', 'so_nguoi'), sheet.value('DS', 'da_giai_quyet')]).toEqual([own(2), own(3), own(4)]);
      expect([sheet.value('DS', 'noi_dung'), sheet.value('DS', 'loai')]).toEqual([null, null]);
    }
  });

  it('shows the total only on the roll-up sheet, equal to the sum across communes and to the API’s roll-up', async () => {
    const summary = table(sheetOf('Tổng hợp'));
    expect(summary.codes.filter((c) => c.startsWith('DS'))).toEqual(['DS']);
    expect([summary.value('DS', 'so_don'), summary.value('DS', 'so_nguoi'), summary.value('DS', 'da_giai_quyet')]).toEqual([sum(2), sum(3), sum(4)]);
    const agg = (await (await t.request(`/api/aggregates/${T}/${P}/20?include=submitted`, { cookie: head })).json()) as Aggregate;
    const at = (col: string) => agg.values.find((v) => v.row === 'DS' && v.col === col)?.value;
    expect([at('so_don'), at('so_nguoi'), at('da_giai_quyet')]).toEqual([sum(2), sum(3), sum(4)]);
  });

  it('carries each report’s items in the machine package, ADX and QCVN 125, the roll-up its total only', async () => {
    const pkg = (await (await t.request(`/api/exports/${T}/${P}/20.json?include=submitted`, { cookie: head })).json()) as ReportPackage;
    expect(pkg.dataValues.filter((d) => d.row.startsWith('DS.'))).toEqual([]);
    const own = pkg.reports.find((r) => r.unit.code === '05977')!.dataValues;
    expect(own.find((d) => d.row === 'DS.3' && d.col === 'noi_dung')).toMatchObject({ rowLabel: 'Vụ việc 3', value: CASES['05977']![2]![0], valueType: 'text', computed: false });
    expect(own.find((d) => d.row === 'DS' && d.col === 'so_don')).toMatchObject({ value: 8, computed: true });
    const adx = figuresOfAdx(await (await t.request(`/api/exports/${T}/${P}/20.adx.xml?include=submitted`, { cookie: head })).text());
    const qcvn = figuresOfQcvn(await (await t.request(`/api/exports/${T}/${P}/20.qcvn125.json?include=submitted`, { cookie: head })).json());
    for (const figures of [adx, qcvn]) {
      expect(figures.get('O|05983|DS.2|so_nguoi')).toBe(2);
      expect(figures.get('T|20|DS|so_don')).toBe(sum(2));
      expect([...figures.keys()].some((k) => k.startsWith('T|20|DS.'))).toBe(false);
    }
    expect(qcvn.get('O|05977|DS.1|loai')).toBe('Khiếu nại');
  });

  it('opens in LibreOffice with each commune’s cases on its sheet', async () => {
    // Filter options: comma, double quote, UTF-8, from line 1, …, sheet -1 = every sheet to its own file.
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsxFile], {
      cwd: dir,
      timeout: 180_000,
    });
    const csv = (name: string) => parseCsv(readFileSync(join(dir, `package-${name}.csv`), 'utf8'));
    const commune = csv(sheetOf('05977').name);
    const first = commune.find((r) => r[0] === 'DS.1')!;
    expect(first).toEqual(expect.arrayContaining(['Vụ việc 1', 'Tranh chấp đất đai tổ 3, khối 5', 'Khiếu nại', '2', '4', '1']));
    expect(commune.find((r) => r[0] === 'DS')).toEqual(expect.arrayContaining(['8', '17', '2']));
    expect(csv('Tổng hợp').some((r) => r[0]?.startsWith('DS.'))).toBe(false);
  }, 240_000);
});
