// The digital-government template reproduces the province totals of Kế hoạch 206/KH-UBND (2021)
// when the figures entered by communes, districts and the province are rolled up.
import { describe, expect, it } from 'vitest';
import { aggregateInputs, checkRules, computeReport, type CellValues } from '../../domain/template';
import { at, cellValues, compiled, contextFor, type Entries } from './report-context';
import { loadTemplate } from './template-files';

const file = loadTemplate('chinh-quyen-so/1.json');
const ct = compiled(file);
const PERIOD = '2021S2';

/** Entries in the "Thực hiện kỳ báo cáo" column. */
function report(values: Record<string, number>): CellValues {
  const entries: Entries = {};
  for (const [row, value] of Object.entries(values)) entries[row] = { ky_nay: value };
  return cellValues(entries);
}

// 200 communes (as the plan counts them): 160 with a computer for each of their 20 officers, 40 with
// 17 computers for 20 officers, so the commune level is 3,880 / 4,000 = 97%.
const communes = Array.from({ length: 200 }, (_, i) =>
  report({
    '1': i < 40 ? 17 : 20,
    '2': 20,
    '4': 1,
    '5': 1,
    '6': 40,
    '7': 700,
    '7.1': 700,
    '8': 300,
    '8.1': 300,
    '9.1': 2,
    '9.2': 4,
  }),
);
// 11 districts: 200 officers and 200 computers each (100%); the two-level meetings they chair.
const districts = Array.from({ length: 11 }, (_, i) =>
  report({
    '1': 200,
    '2': 200,
    '4': 1,
    '5': 1,
    '6': 250,
    '7': 6_000,
    '7.1': 6_000,
    '8': 2_000,
    '8.1': 2_000,
    '9.1': 14,
    '9.2': 38,
    '11.3': i === 10 ? 16 : 19,
  }),
);
// The province's own agencies: 100%, the two province end points, and the meetings the province chairs
// or joins as the province's top end point (every four- and three-level meeting).
const province = report({
  '1': 5_800,
  '2': 5_800,
  '4': 2,
  '5': 20,
  '6': 4_880,
  '7': 81_752,
  '7.1': 81_752,
  '8': 30_000,
  '8.1': 30_000,
  '9.1': 180,
  '9.2': 360,
  '10.1': 113,
  '10.2': 456,
  '11.1': 4,
  '11.2': 25,
  '11.3': 120,
});

function rollUp(units: readonly CellValues[]): CellValues {
  const inputs = aggregateInputs(ct, units);
  return computeReport(ct, contextFor(file, PERIOD, new Map([[PERIOD, inputs]])));
}

const ratio = (values: CellValues) => at(values, '3', 'ky_nay');

describe('chinh-quyen-so rolled up to the province (Kế hoạch 206/KH-UBND, 2021 figures)', () => {
  const all = rollUp([...communes, ...districts, province]);

  it('counts 213 video-conference end points: 200 communes + 11 districts + 2 province', () => {
    expect(at(rollUp(communes), '4', 'ky_nay')).toBe(200);
    expect(at(rollUp(districts), '4', 'ky_nay')).toBe(11);
    expect(at(all, '4', 'ky_nay')).toBe(213);
  });

  it('counts 355 online meetings: 4 four-level + 25 three-level + 326 two-level', () => {
    expect(at(all, '11.1', 'ky_nay')).toBe(4);
    expect(at(all, '11.2', 'ky_nay')).toBe(25);
    expect(at(all, '11.3', 'ky_nay')).toBe(326);
    expect(at(all, '11', 'ky_nay')).toBe(355);
  });

  it('counts 2,312 digital signature certificates in use: 734 organisational + 1,578 personal', () => {
    expect(at(all, '9.1', 'ky_nay')).toBe(734);
    expect(at(all, '9.2', 'ky_nay')).toBe(1_578);
    expect(at(all, '9', 'ky_nay')).toBe(2_312);
  });

  it('counts 287,752 documents exchanged, all electronic (100%), and 231 units with 15,630 users of the document system', () => {
    expect(at(all, '7', 'ky_nay')).toBe(287_752);
    expect(at(all, '7.1', 'ky_nay')).toBe(287_752);
    expect(at(all, '7.2', 'ky_nay')).toBe(100);
    expect(at(all, '8.2', 'ky_nay')).toBe(100);
    expect(at(all, '5', 'ky_nay')).toBe(231);
    expect(at(all, '6', 'ky_nay')).toBe(15_630);
  });

  it('gives computers per officer of 97% for communes, 100% for districts and the province, 99% in total', () => {
    expect(ratio(rollUp(communes))).toBe(97);
    expect(ratio(rollUp(districts))).toBe(100);
    expect(ratio(rollUp([province]))).toBe(100);
    expect(ratio(all)).toBe(99);
  });

  it('computes the province ratio from summed computers and officers, not as the mean of the units’ ratios', () => {
    expect(at(all, '1', 'ky_nay')).toBe(11_880);
    expect(at(all, '2', 'ky_nay')).toBe(12_000);
    const units = [...communes, ...districts, province];
    const unitRatios = units.map((u) => Number(ratio(computeReport(ct, contextFor(file, PERIOD, new Map([[PERIOD, u]]))))));
    const meanOfRatios = unitRatios.reduce((a, b) => a + b, 0) / unitRatios.length;
    expect(meanOfRatios).toBeCloseTo(97.17, 2);
    expect(ratio(all)).not.toBeCloseTo(meanOfRatios, 0);
  });

  it('gives the same province totals when communes roll up into their districts first (pre-2025 hierarchy)', () => {
    const districtTotals = districts.map((own, d) => aggregateInputs(ct, [own, ...communes.filter((_, c) => c % 11 === d)]));
    const twoStep = rollUp([province, ...districtTotals]);
    for (const row of ['1', '2', '3', '4', '7.2', '9', '11']) expect(at(twoStep, row, 'ky_nay'), row).toBe(at(all, row, 'ky_nay'));
  });

  it('raises no rule issue on the rolled-up figures', () => {
    const inputs = aggregateInputs(ct, [...communes, ...districts, province]);
    expect(checkRules(ct, contextFor(file, PERIOD, new Map([[PERIOD, inputs]])))).toEqual([]);
  });
});

describe('chinh-quyen-so over the year', () => {
  const s1 = report({ '1': 50, '2': 50, '4': 1, '7': 1_000, '7.1': 990, '9.1': 3, '9.2': 5, '10.1': 1, '10.2': 2, '11.3': 4 });
  const s2 = report({ '1': 52, '2': 50, '4': 1, '7': 1_200, '7.1': 1_200, '9.1': 3, '9.2': 6, '10.1': 0, '10.2': 1, '11.3': 6 });
  const lastYear = report({ '1': 45, '2': 50, '7': 900, '7.1': 810 });
  const grid = computeReport(ct, contextFor(file, '2022S2', new Map([['2022S1', s1], ['2022S2', s2], ['2021S2', lastYear]])));

  it('sums flows from the start of the year in "Lũy kế từ đầu năm" and recomputes their ratios', () => {
    expect(at(grid, '7', 'luy_ke')).toBe(2_200);
    expect(at(grid, '7.1', 'luy_ke')).toBe(2_190);
    expect(at(grid, '7.2', 'luy_ke')).toBe(99.5);
    expect(at(grid, '11', 'luy_ke')).toBe(10);
    expect(at(grid, '10', 'luy_ke')).toBe(4);
  });

  it('greys out "Lũy kế" for stocks such as computers, officers and certificates in use', () => {
    for (const row of ['1', '2', '3', '4', '9', '9.1']) expect(ct.cell(row, 'luy_ke')?.kind, row).toBe('disabled');
    expect(at(grid, '1', 'luy_ke')).toBeUndefined();
  });

  it('fills "Cùng kỳ năm trước" from last year’s report, ratios included', () => {
    expect(at(grid, '1', 'cung_ky')).toBe(45);
    expect(at(grid, '3', 'cung_ky')).toBe(90);
    expect(at(grid, '7.2', 'cung_ky')).toBe(90);
    expect(at(grid, '9', 'ky_nay')).toBe(9);
  });

  it('warns when electronic documents fall short of 100%, asking for an explanation', () => {
    const issues = checkRules(ct, contextFor(file, '2022S1', new Map([['2022S1', s1]])));
    expect(issues).toEqual([expect.objectContaining({ row: '7.2', col: 'ky_nay', code: 'digital-target-100', severity: 'warning' })]);
    expect(issues[0]?.message).toMatch(/chưa đạt 100%/);
  });
});
