// The commune socio-economic report fills "Cùng kỳ năm trước", "So sánh (%)" and "Lũy kế từ đầu năm"
// by itself from the reports stored for earlier months.
import { describe, expect, it } from 'vitest';
import { aggregateInputs, checkRules, computeReport, type CellValues } from '../../domain/template';
import { at, cellValues, compiled, contextFor, type Entries } from './report-context';
import { loadTemplate } from './template-files';

const file = loadTemplate('kinh-te-xa-hoi-xa/1.json');
const ct = compiled(file);

function month(values: Record<string, number>): CellValues {
  const entries: Entries = {};
  for (const [row, value] of Object.entries(values)) entries[row] = { thuc_hien: value };
  return cellValues(entries);
}

// A commune's stored reports: January–March 2025 and March 2024.
const stored = new Map<string, CellValues>([
  ['202403', month({ '1': 40, '1.1': 30, '5': 1_150, '10': 800, '13': 1_180, '14': 4_900, '18': 130, '44': 2 })],
  ['202501', month({ '1': 12.5, '1.1': 10, '5': 1_210, '10': 350.25, '13': 1_200, '14': 5_010, '18': 120, '29': 6, '30': 80, '44': 1 })],
  ['202502', month({ '1': 20, '1.1': 15.5, '5': 1_205, '10': 410.5, '13': 1_201, '14': 5_012, '18': 120, '29': 7, '30': 80 })],
  ['202503', month({ '1': 48, '1.1': 36, '5': 1_198, '10': 900, '13': 1_203, '14': 5_020, '18': 118, '29': 8, '30': 80, '44': 3 })],
]);
const grid = computeReport(ct, contextFor(file, '202503', stored));

describe('kinh-te-xa-hoi-xa: columns that fill themselves', () => {
  it('has over 40 data rows in eight groups, each data row with its unit', () => {
    const headers = file.rows.filter((r) => r.header).map((r) => r.code);
    expect(headers).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(ct.dataRows.length).toBeGreaterThan(40);
    expect(ct.dataRows.every((r) => r.unit !== undefined)).toBe(true);
  });

  it('takes "Cùng kỳ năm trước" from the same month last year', () => {
    expect(at(grid, '1', 'cung_ky')).toBe(40);
    expect(at(grid, '5', 'cung_ky')).toBe(1_150);
    expect(at(grid, '10', 'cung_ky')).toBe(800);
  });

  it('computes "So sánh (%)" as this month over the same month last year, to one decimal', () => {
    expect(at(grid, '1', 'so_sanh')).toBe(120);
    expect(at(grid, '5', 'so_sanh')).toBe(104.2);
    expect(at(grid, '10', 'so_sanh')).toBe(112.5);
    expect(at(grid, '44', 'so_sanh')).toBe(150);
  });

  it('sums flows from January in "Lũy kế từ đầu năm"', () => {
    expect(at(grid, '1', 'luy_ke')).toBe(80.5);
    expect(at(grid, '1.1', 'luy_ke')).toBe(61.5);
    expect(at(grid, '10', 'luy_ke')).toBe(1_660.75);
    expect(at(grid, '44', 'luy_ke')).toBe(4);
  });

  it('takes the latest value of stocks (herds, households, population) in "Lũy kế"', () => {
    expect(at(grid, '5', 'luy_ke')).toBe(1_198);
    expect(at(grid, '13', 'luy_ke')).toBe(1_203);
    expect(at(grid, '14', 'luy_ke')).toBe(5_020);
  });

  it('computes the poor-household rate from households, and recomputes a flow-based rate over the year', () => {
    expect(at(grid, '20', 'thuc_hien')).toBe(9.81);
    expect(at(grid, '20', 'cung_ky')).toBe(11.02);
    expect(at(grid, '31', 'thuc_hien')).toBe(10);
    expect(at(grid, '31', 'luy_ke')).toBe(26.25);
  });

  it('greys out "So sánh" on percent rows and "Lũy kế" on rates of stocks', () => {
    for (const row of ['20', '21', '31', '33']) expect(ct.cell(row, 'so_sanh')?.kind, row).toBe('disabled');
    for (const row of ['20', '21', '33']) expect(ct.cell(row, 'luy_ke')?.kind, row).toBe('disabled');
    expect(ct.cell('31', 'luy_ke')?.kind).toBe('computed');
    expect(at(grid, '20', 'so_sanh')).toBeUndefined();
  });

  it('leaves "Cùng kỳ" and "So sánh" empty when there is no report for last year, and sums the months that exist', () => {
    const withoutLastYear = new Map([...stored].filter(([id]) => id !== '202403' && id !== '202502'));
    const g = computeReport(ct, contextFor(file, '202503', withoutLastYear));
    expect(at(g, '1', 'cung_ky')).toBeUndefined();
    expect(at(g, '1', 'so_sanh')).toBeUndefined();
    expect(at(g, '1', 'luy_ke')).toBe(60.5);
  });

  it('lets only "Thực hiện kỳ này" be entered', () => {
    expect(new Set(ct.inputCells.map((c) => c.col))).toEqual(new Set(['thuc_hien']));
  });

  it('rolls communes up with the province rate as a ratio of summed households', () => {
    const a = month({ '13': 1_000, '18': 100 });
    const b = month({ '13': 3_000, '18': 60 });
    const ctx = contextFor(file, '202503', new Map([['202503', aggregateInputs(ct, [a, b])]]));
    expect(at(computeReport(ct, ctx), '20', 'thuc_hien')).toBe(4);
  });
});

describe('kinh-te-xa-hoi-xa: rules', () => {
  it('accepts the stored March report', () => {
    expect(checkRules(ct, contextFor(file, '202503', stored)).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('rejects a "Trong đó" part larger than its whole, on the part', () => {
    const bad = new Map([...stored, ['202503', month({ '1': 48, '1.1': 50, '13': 1_203, '14': 5_020 })]]);
    const issues = checkRules(ct, contextFor(file, '202503', bad));
    expect(issues).toContainEqual(expect.objectContaining({ row: '1.1', col: 'thuc_hien', code: 'part-le-whole-1', severity: 'error' }));
    expect(issues.find((i) => i.code === 'part-le-whole-1')?.message).toContain('Diện tích gieo trồng cây hằng năm');
  });

  it('rejects parts that add up to more than their whole', () => {
    const bad = new Map([['202503', month({ '1': 48, '1.1': 30, '1.2': 20, '13': 1_203, '14': 5_020 })]]);
    expect(checkRules(ct, contextFor(file, '202503', bad))).toContainEqual(
      expect.objectContaining({ row: '1', code: 'parts-sum-le-whole-1', severity: 'error' }),
    );
  });

  it('requires households and population, and warns on a herd that changed by more than 20% in a month', () => {
    const bad = new Map([['202502', month({ '5': 1_000 })], ['202503', month({ '5': 1_300 })]]);
    const codes = checkRules(ct, contextFor(file, '202503', bad)).map((i) => `${i.code}@${i.row}:${i.severity}`);
    expect(codes).toEqual(expect.arrayContaining(['households-required@13:error', 'households-required@14:error', 'stock-change-large@5:warning']));
  });
});
