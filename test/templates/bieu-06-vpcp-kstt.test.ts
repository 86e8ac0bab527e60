// Biểu số 06/VPCP/KSTT: the officer's totals are entered and checked; "Tổng cộng" adds up the sectors.
import { describe, expect, it } from 'vitest';
import { aggregateInputs, checkRules, columnLabel, computeReport, type CellValues } from '../../domain/template';
import { at, cellValues, compiled, contextFor } from './report-context';
import { loadTemplate } from './template-files';

const file = loadTemplate('bieu-06-vpcp-kstt/1.json');
const ct = compiled(file);
const COLUMNS = [
  'nhan_tong', 'nhan_truc_tuyen', 'nhan_truc_tiep', 'nhan_ky_truoc',
  'da_gq_tong', 'da_gq_truoc_han', 'da_gq_dung_han', 'da_gq_qua_han',
  'dang_gq_tong', 'dang_gq_trong_han', 'dang_gq_qua_han',
] as const;

/** A sector row given as the eleven columns (1)…(11) of the paper form. */
function sector(...values: number[]): Record<string, number> {
  return Object.fromEntries(COLUMNS.map((key, i) => [key, values[i] ?? 0]));
}

// Hộ tịch, chứng thực, đất đai of a commune in 2025Q2, and the pending records of Q1 they carry over.
const q1 = cellValues({ '01': sector(50, 40, 8, 2, 47, 20, 27, 0, 3, 3, 0), '05': sector(9, 1, 6, 2, 5, 1, 3, 1, 4, 4, 0) });
const q2 = cellValues({
  '01': sector(125, 100, 22, 3, 120, 60, 60, 0, 5, 5, 0),
  '02': sector(300, 120, 180, 0, 300, 280, 20, 0, 0, 0, 0),
  '05': sector(14, 2, 8, 4, 10, 2, 6, 2, 4, 3, 1),
});
const stored = new Map<string, CellValues>([['2025Q1', q1], ['2025Q2', q2]]);

describe('bieu-06-vpcp-kstt', () => {
  it('has eleven columns under three header groups, with "Trong đó" nested under the received records', () => {
    expect(ct.columns.map((c) => c.key)).toEqual([...COLUMNS]);
    expect(new Set(ct.columns.map((c) => c.group?.[0]))).toEqual(
      new Set(['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']),
    );
    expect(ct.columns.filter((c) => c.group?.[1] === 'Trong đó').map((c) => c.label)).toEqual([
      'Trực tuyến',
      'Trực tiếp và dịch vụ bưu chính',
      'Từ kỳ trước',
    ]);
    expect(columnLabel(ct, 'dang_gq_tong')).toBe('Tổng số (Số hồ sơ đang giải quyết)');
  });

  it('is quarterly on the Decree 09 calendar, measured in records', () => {
    expect([file.frequency, file.calendar, file.unitOfMeasure]).toEqual(['quarterly', 'decree09', 'Số hồ sơ TTHC']);
  });

  it('lets the officer enter every sector cell, totals included, and computes only "Tổng cộng"', () => {
    expect(ct.cell('01', 'nhan_tong')?.kind).toBe('input');
    expect(ct.dataRows.filter((r) => r.code !== 'TC')).toHaveLength(20);
    expect(COLUMNS.every((key) => ct.cell('TC', key)?.kind === 'computed')).toBe(true);
  });

  it('adds up the sectors in "Tổng cộng"', () => {
    const grid = computeReport(ct, contextFor(file, '2025Q2', stored));
    expect(COLUMNS.map((key) => at(grid, 'TC', key))).toEqual([439, 222, 210, 7, 430, 342, 86, 2, 9, 8, 1]);
  });

  it('accepts a consistent report', () => {
    expect(checkRules(ct, contextFor(file, '2025Q2', stored))).toEqual([]);
  });

  it.each([
    ['received-balance', 'nhan_truc_tiep', 21, 'nhan_tong'],
    ['resolved-balance', 'da_gq_dung_han', 59, 'da_gq_tong'],
    ['pending-balance', 'dang_gq_trong_han', 4, 'dang_gq_tong'],
  ])('rejects a total that disagrees with its parts (%s)', (code, key, value, marked) => {
    const bad = new Map(stored);
    bad.set('2025Q2', new Map([...q2, [`01|${key}`, value]]));
    const errors = checkRules(ct, contextFor(file, '2025Q2', bad)).filter((i) => i.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ code, row: '01', col: marked }));
    expect(errors.every((i) => i.row === '01')).toBe(true);
  });

  it('rejects received records that are neither resolved nor pending', () => {
    const bad = new Map(stored);
    bad.set('2025Q2', cellValues({ '02': sector(300, 120, 180, 0, 290, 270, 20, 0, 0, 0, 0) }));
    const codes = checkRules(ct, contextFor(file, '2025Q2', bad)).map((i) => i.code);
    expect(codes).toContain('received-equals-resolved-plus-pending');
  });

  it('catches an entered total left without its breakdown', () => {
    const bad = new Map([['2025Q2', cellValues({ '03': { nhan_tong: 5, da_gq_tong: 5 } })]]);
    const codes = checkRules(ct, contextFor(file, '2025Q2', bad)).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['received-balance', 'resolved-balance']));
  });

  it('warns when "Từ kỳ trước" differs from last quarter’s pending records', () => {
    const bad = new Map(stored);
    bad.set('2025Q1', new Map([...q1, ...cellValues({ '01': sector(50, 40, 8, 2, 46, 20, 26, 0, 4, 4, 0) })]));
    const warnings = checkRules(ct, contextFor(file, '2025Q2', bad)).filter((i) => i.code === 'carried-over-matches-previous');
    expect(warnings).toEqual([expect.objectContaining({ row: '01', col: 'nhan_ky_truoc', severity: 'warning' })]);
    expect(warnings[0]?.message).toMatch(/là 3, khác .* là 4/);
  });

  it('rolls commune reports up into the same sector totals', () => {
    const inputs = aggregateInputs(ct, [q2, q2, q1]);
    const grid = computeReport(ct, contextFor(file, '2025Q2', new Map([['2025Q2', inputs]])));
    expect(at(grid, '01', 'nhan_tong')).toBe(300);
    expect(at(grid, 'TC', 'nhan_tong')).toBe(2 * 439 + 59);
  });
});
