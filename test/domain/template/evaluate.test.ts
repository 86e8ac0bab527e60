// computeReport and requiredPeriodIds: formulas over a grid, and prev/lastYear/ytd views of other periods.
import { describe, expect, it } from 'vitest';
import type { CellValues } from '../../../domain/template/cell-key';
import { computeReport, requiredPeriodIds } from '../../../domain/template/evaluator';
import { at, compile, monthly, values } from './fixtures';

describe('computeReport', () => {
  const sectors = compile({
    columns: [
      { key: 'done', label: 'Đã giải quyết' },
      { key: 'all', label: 'Tổng số' },
      { key: 'pct', label: 'Tỷ lệ', valueType: 'percent', decimals: 1, formula: "col('done') / col('all') * 100" },
    ],
    rows: [
      { code: 'TC', label: 'Tổng cộng', formula: "sumRows('A', '3')", aggregation: 'formula' },
      { code: 'A', label: 'Cấp xã', header: true },
      { code: '1', label: 'Hộ tịch' },
      { code: '1.1', label: 'Trong đó: khai sinh', partOf: '1' },
      { code: '2', label: 'Chứng thực', disabled: ['done', 'pct'] },
      { code: '3', label: 'Đất đai' },
    ],
  });

  it('returns the inputs plus every computed cell, leaving empty cells out', () => {
    const grid = computeReport(sectors, monthly('202403', { '202403': values(['1', 'done', 9], ['1', 'all', 10]) }));
    expect(at(grid, '1', 'done')).toBe(9);
    expect(at(grid, '1', 'pct')).toBe(90);
    expect(at(grid, '3', 'pct')).toBeUndefined();
    expect(at(grid, 'TC', 'done')).toBe(9);
  });

  it('sums rows in template order, skipping headers, disabled cells and "Trong đó" rows already in their parent', () => {
    const inputs = values(['1', 'all', 10], ['1.1', 'all', 4], ['2', 'all', 5], ['2', 'done', 99], ['3', 'all', 1]);
    const grid = computeReport(sectors, monthly('202403', { '202403': inputs }));
    expect(at(grid, 'TC', 'all')).toBe(16);
    expect(at(grid, 'TC', 'done')).toBeUndefined();
    expect(at(grid, '2', 'done')).toBeUndefined();
  });

  it('computes the ratio of totals in a total row, because the column formula wins over the row formula', () => {
    const inputs = values(['1', 'done', 1], ['1', 'all', 1], ['3', 'done', 1], ['3', 'all', 3]);
    const grid = computeReport(sectors, monthly('202403', { '202403': inputs }));
    // (100% + 33.3%) / 2 would be 66.7; the ratio of the totals is 2 / 4.
    expect(at(grid, 'TC', 'pct')).toBe(50);
    expect(at(grid, '3', 'pct')).toBe(33.3);
  });

  it('rounds computed numbers half away from zero to the cell decimals', () => {
    const grid = computeReport(sectors, monthly('202403', { '202403': values(['1', 'done', 2], ['1', 'all', 3]) }));
    expect(at(grid, '1', 'pct')).toBe(66.7);
  });
});

describe('computeReport across periods', () => {
  const flows = compile({
    columns: [
      { key: 'now', label: 'Kỳ này' },
      { key: 'prev', label: 'Kỳ trước', formula: "prev(col('now'))" },
      { key: 'ly', label: 'Cùng kỳ', formula: "lastYear(col('now'))" },
      { key: 'ytd', label: 'Lũy kế', formula: "ytd(col('now'))" },
      { key: 'ytd_prev', label: 'Lũy kế đến kỳ trước', formula: "prev(ytd(col('now')))" },
      { key: 'ytd_ly', label: 'Lũy kế cùng kỳ', formula: "ytd(lastYear(col('now')))" },
    ],
    rows: [
      { code: 'docs', label: 'Văn bản' },
      { code: 'signed', label: 'Được ký số' },
      { code: 'rate', label: 'Tỷ lệ ký số', valueType: 'percent', decimals: 1, formula: "row('signed') / row('docs') * 100", aggregation: 'formula' },
      { code: 'pop', label: 'Dân số', aggregation: 'last' },
      { code: 'avg', label: 'Giá bình quân', aggregation: 'average', valueType: 'decimal' },
      { code: 'top', label: 'Cao nhất', aggregation: 'max' },
      { code: 'note', label: 'Ghi chú', valueType: 'text' },
    ],
  });
  const data: Record<string, CellValues> = {
    '202301': values(['docs', 'now', 5]),
    '202302': values(['docs', 'now', 6]),
    '202401': values(['docs', 'now', 10], ['signed', 'now', 10], ['pop', 'now', 1000], ['avg', 'now', 2], ['top', 'now', 7], ['note', 'now', 'a']),
    '202402': values(['docs', 'now', 30], ['signed', 'now', 0], ['avg', 'now', 4], ['top', 'now', 3]),
    '202403': values(['docs', 'now', 60], ['signed', 'now', 30], ['pop', 'now', 1010], ['note', 'now', 'b']),
  };

  it('reads the previous period and the same period last year', () => {
    const grid = computeReport(flows, monthly('202402', data));
    expect(at(grid, 'docs', 'prev')).toBe(10);
    expect(at(grid, 'docs', 'ly')).toBe(6);
    expect(at(grid, 'rate', 'prev')).toBe(100);
  });

  it('leaves prev() empty when the previous period has no report, and still fills it for a new report', () => {
    expect(at(computeReport(flows, monthly('202304', data)), 'docs', 'prev')).toBeUndefined();
    const fresh = computeReport(flows, monthly('202404', data));
    expect(at(fresh, 'docs', 'prev')).toBe(60);
    expect(at(fresh, 'docs', 'now')).toBeUndefined();
  });

  it('adds flows up over the year, and takes the latest value of a stock', () => {
    const grid = computeReport(flows, monthly('202402', data));
    expect(at(grid, 'docs', 'ytd')).toBe(40);
    expect(at(grid, 'pop', 'ytd')).toBe(1000);
    expect(at(computeReport(flows, monthly('202403', data)), 'pop', 'ytd')).toBe(1010);
  });

  it('averages, takes the maximum, or leaves empty by the row aggregation', () => {
    const grid = computeReport(flows, monthly('202403', data));
    expect(at(grid, 'avg', 'ytd')).toBe(3);
    expect(at(grid, 'top', 'ytd')).toBe(7);
    expect(at(grid, 'note', 'ytd')).toBeUndefined();
  });

  it("computes a ratio's year-to-date as the ratio of year-to-date sums, not the sum of ratios", () => {
    const grid = computeReport(flows, monthly('202403', data));
    // 40 signed of 100 documents: 40%, where the monthly rates 100%, 0% and 50% would add up to 150.
    expect(at(grid, 'rate', 'ytd')).toBe(40);
  });

  it('composes views: prev(ytd(x)) is the year to date of the previous period, ytd(lastYear(x)) last year to date', () => {
    const grid = computeReport(flows, monthly('202402', data));
    expect(at(grid, 'docs', 'ytd_prev')).toBe(10);
    expect(at(grid, 'docs', 'ytd_ly')).toBe(11);
    // A year's first period: the previous period is last December, whose year to date is last year's.
    expect(at(computeReport(flows, monthly('202401', data)), 'docs', 'ytd_prev')).toBe(11);
  });

  it('lists every other period it reads in requiredPeriodIds, so they can be loaded in one query', () => {
    const ctx = monthly('202403', data);
    const required = requiredPeriodIds(flows, ctx);
    expect(required).toEqual(['202301', '202302', '202303', '202401', '202402']);
    computeReport(flows, ctx);
    expect(new Set(ctx.reads.filter((p) => p !== '202403'))).toEqual(new Set(required));
  });

  it('needs no other period when no formula uses prev, lastYear or ytd', () => {
    const plain = compile({ columns: [{ key: 'v', label: 'V' }], rows: [{ code: '1', label: 'Một' }] });
    expect(requiredPeriodIds(plain, monthly('202403', {}))).toEqual([]);
  });
});

describe('computeReport on a large grid', () => {
  // Its speed is measured in npm run bench (bench/formula.ts), not asserted here with a timer.
  it('computes a 60 × 10 grid with prev, lastYear and ytd over 12 periods to the sums done by hand', () => {
    const inputKeys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const ct = compile({
      columns: [
        ...inputKeys.map((key) => ({ key, label: key.toUpperCase() })),
        { key: 'total', label: 'Tổng', formula: inputKeys.map((k) => `col('${k}')`).join(' + ') },
        { key: 'prev', label: 'Kỳ trước', formula: "prev(col('total'))" },
        { key: 'ly', label: 'Cùng kỳ', formula: "lastYear(col('total'))" },
        { key: 'ytd', label: 'Lũy kế', formula: "ytd(col('total'))" },
      ],
      rows: [
        { code: 'T', label: 'Tổng cộng', formula: "sumRows('1', '59')", aggregation: 'formula' },
        ...Array.from({ length: 59 }, (_, i) => ({ code: String(i + 1), label: `Dòng ${i + 1}` })),
      ],
    });
    const data: Record<string, CellValues> = {};
    const monthTotal: Record<string, number> = {};
    for (const year of ['2023', '2024']) {
      for (let m = 1; m <= 12; m++) {
        const period = `${year}${String(m).padStart(2, '0')}`;
        const cells = ct.inputCells.map((c, i): [string, string, number] => [c.row, c.col, (i * 7 + m + Number(year)) % 50]);
        data[period] = values(...cells);
        monthTotal[period] = cells.reduce((sum, [, , v]) => sum + v, 0);
      }
    }
    const grid = computeReport(ct, monthly('202412', data));
    const year2024 = Object.entries(monthTotal).filter(([p]) => p.startsWith('2024')).reduce((sum, [, v]) => sum + v, 0);
    expect(at(grid, 'T', 'total')).toBe(monthTotal['202412']);
    expect(at(grid, 'T', 'prev')).toBe(monthTotal['202411']);
    expect(at(grid, 'T', 'ly')).toBe(monthTotal['202312']);
    expect(at(grid, 'T', 'ytd')).toBe(year2024);
  });
});
