// Shared by the exchange tests: Biểu 06 figures filled in through the API for two communes of Thành
// phố Lạng Sơn, and readers that turn each export format into one map "scope|unit|row|col" → value,
// so formats can be compared value for value.
import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { parseAdx } from '../../../server/exchange/adx';
import { fromWire } from '../../../server/exchange/qcvn125-mapping';
import { PacketSchemas } from '../../../server/exchange/qcvn125-schema';
import { parseCsv, SDMX_COLUMNS } from '../../../server/exchange/sdmx-csv';
import type { TestApp } from '../../helpers/test-app';

export const T = 'bieu-06-vpcp-kstt';
export const P = '2025Q1';
/** 17/03/2025 10:00 in Hà Nội: inside the deadline window of Q1 2025. */
export const FILL_NOW = new Date('2025-03-17T03:00:00Z');

/** Hộ tịch and Chứng thực figures that satisfy Biểu 06's balance rules: k times and k + 1 times a base. */
export const sectorValues = (k: number) =>
  (['01', '02'] as const).flatMap((row, i) =>
    Object.entries({
      nhan_tong: 11, nhan_truc_tuyen: 6, nhan_truc_tiep: 4, nhan_ky_truoc: 1,
      da_gq_tong: 8, da_gq_truoc_han: 4, da_gq_dung_han: 3, da_gq_qua_han: 1,
      dang_gq_tong: 3, dang_gq_trong_han: 2, dang_gq_qua_han: 1,
    }).map(([col, value]) => ({ row, col, value: value * (k + i) })),
  );

/** Two communes fill and submit Q1 2025; the district head approves the first. */
export async function fillTwoCommunes(t: TestApp): Promise<void> {
  for (const [unit, k] of [['05971', 1], ['05974', 3]] as const) {
    const cookie = await t.login(`canbo-${unit}`);
    const put = await t.request(`/api/reports/${T}/${P}/${unit}/values`, { method: 'PUT', cookie, json: { revision: 0, values: sectorValues(k) } });
    if (put.status !== 200) throw new Error(`PUT ${unit}: ${put.status} ${await put.text()}`);
    const submit = await t.request(`/api/reports/${T}/${P}/${unit}/submit`, { method: 'POST', cookie });
    if (submit.status !== 200) throw new Error(`submit ${unit}: ${submit.status} ${await submit.text()}`);
  }
  const head = await t.login('lanhdao-178');
  await t.request(`/api/reports/${T}/${P}/05971/approve`, { method: 'POST', cookie: head });
}

export type Figures = Map<string, number | string>;
const key = (scope: 'T' | 'O', unit: string, row: string, col: string) => `${scope}|${unit}|${row}|${col}`;

export function figuresOfQcvn(json: unknown): Figures {
  const packet = v.parse(PacketSchemas.reportData, fromWire(json));
  const out: Figures = new Map();
  for (const dv of packet.body.values) out.set(key('T', packet.body.unit.code, dv.rowCode, dv.column), dv.value);
  for (const r of packet.body.reports) for (const dv of r.values) out.set(key('O', r.unit.code, dv.rowCode, dv.column), dv.value);
  return out;
}

export function figuresOfAdx(xml: string): Figures {
  const parsed = parseAdx(xml);
  if (!parsed.ok) throw new Error(parsed.message);
  const out: Figures = new Map();
  for (const g of parsed.groups) {
    for (const dv of g.dataValue) out.set(key(g.scope === 'subtree' ? 'T' : 'O', g.orgUnit, dv.dataElement, dv.column!), Number(dv.value));
  }
  return out;
}

export function figuresOfSdmx(csv: string): Figures {
  const [header, ...rows] = parseCsv(csv);
  if (header?.join(',') !== SDMX_COLUMNS.join(',')) throw new Error(`unexpected header ${header?.join(',')}`);
  const at = (name: (typeof SDMX_COLUMNS)[number]) => SDMX_COLUMNS.indexOf(name);
  const out: Figures = new Map();
  for (const r of rows) out.set(key(r[at('DATA_SCOPE')] as 'T' | 'O', r[at('REF_AREA')]!, r[at('INDICATOR')]!, r[at('BREAKDOWN')]!), Number(r[at('OBS_VALUE')]));
  return out;
}

/**
 * Reads the figures of every form sheet as a person would find them: the numbering row '(1)', '(2)' …
 * names the template's columns in order, and column A holds each row's code. The summary sheet is the
 * sender's roll-up; a unit sheet is named after the unit's code.
 */
export async function figuresOfWorkbook(bytes: ArrayBuffer, sender: string, columnKeys: readonly string[], rowCodes: ReadonlySet<string>): Promise<Figures> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: Figures = new Map();
  for (const sheet of wb.worksheets) {
    const summary = sheet.name === 'Tổng hợp';
    const unit = summary ? sender : sheet.name.split(' ')[0]!;
    if (!summary && !/^\d+$/.test(unit)) continue; // the completeness sheet
    const columnAt = new Map<number, string>();
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        const m = typeof cell.value === 'string' ? /^\((\d+)\)$/.exec(cell.value) : null;
        if (m) columnAt.set(col, columnKeys[Number(m[1]) - 1]!);
      });
    });
    sheet.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code !== 'string' || !rowCodes.has(code)) return;
      for (const [col, colKey] of columnAt) {
        const value = row.getCell(col).value;
        if (typeof value === 'number') out.set(key(summary ? 'T' : 'O', unit, code, colKey), value);
      }
    });
  }
  return out;
}
