import { describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../../schema/template';
import { cellKey } from '../../../domain/template/cell-key';
import { compileTemplate } from '../../../domain/template/compile';
import { computeReport } from '../../../domain/template/evaluator';
import { derivedCells, expandLists, OPEN_LIST_BLANK_ROWS, openListSizes, openListSizesFor, openRowsIn, openRowsToOffer, resizeOpenLists } from '../../../domain/template/lists';
import { aggregatedListCells, contributionOf, valuesOfPartials } from '../../../domain/rollup/partials';

const base: TemplateFile = {
  id: 'lists',
  version: 1,
  effectiveFrom: '2025Q3',
  formNumber: 'Thử',
  title: 'Danh sách',
  frequency: 'quarterly',
  calendar: 'decree09',
  regime: { name: 'x', kind: 'periodic', content: '', reporters: [{ levels: ['commune'] }], recipient: '', method: '', cutoff: '', deadlineWorkingDays: { commune: 2 }, legalBasis: [{ number: '09/2019/NĐ-CP', date: '2019-01-24' }] },
  defaults: { valueType: 'integer', aggregation: 'sum', min: 0 },
  columns: [{ key: 'ten', label: 'Tên', valueType: 'text' }, { key: 'so', label: 'Số', unit: 'vụ' }],
  rows: [
    { code: 'TC', label: 'Tổng', formula: "sumRows('1', '2')" },
    { code: '1', label: 'A' },
    { code: '2', label: 'B' },
    { code: 'X', label: 'Các xã', list: { units: 'communes', from: 'TC' } },
    { code: 'DS', label: 'Vụ việc', openList: { maxRows: 3, itemLabel: 'Vụ' } },
  ],
};
const members = new Map([['X', [{ code: '001', name: 'Xã Một' }, { code: '002', name: 'Xã Hai' }]]]);
const compile = (f: TemplateFile) => {
  const r = compileTemplate(f);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.template;
};
const ctxOf = (values: Map<string, number | string>) => ({ periodId: '2025Q3', inputs: (id: string) => (id === '2025Q3' ? values : undefined), previousPeriodId: () => undefined, samePeriodLastYearId: () => undefined, periodsOfYearUpTo: () => ['2025Q3'] });

describe('expandLists', () => {
  it('writes one row per listed unit under its total in a roll-up, all inputs, and a total summing them', () => {
    const ct = compile(expandLists(base, { members }));
    expect(ct.dataRows.map((r) => r.code)).toEqual(['TC', '1', '2', 'X', 'X.001', 'X.002', 'DS']);
    expect(ct.cell('X.001', 'so')?.kind).toBe('input');
    const full = computeReport(ct, ctxOf(new Map([[cellKey('X.001', 'so'), 4], [cellKey('X.002', 'so'), 5]])));
    expect(full.get(cellKey('X', 'so'))).toBe(9);
  });

  it('gives a unit’s own report only its own row, computed from row `from`, and the derived cells to store', () => {
    const own = compile(expandLists(base, { members, ownUnit: '002', openRows: new Map([['DS', 2]]) }));
    expect(own.dataRows.map((r) => r.code)).toEqual(['TC', '1', '2', 'X', 'X.002', 'DS', 'DS.1', 'DS.2']);
    expect(own.cell('X.002', 'so')?.kind).toBe('computed');
    const values = new Map<string, number | string>([[cellKey('1', 'so'), 2], [cellKey('2', 'so'), 3], [cellKey('DS.1', 'so'), 1], [cellKey('DS.2', 'so'), 1], [cellKey('DS.1', 'ten'), 'Tranh chấp đất']]);
    const full = computeReport(own, ctxOf(values));
    expect(full.get(cellKey('X.002', 'so'))).toBe(5);
    expect(full.get(cellKey('DS', 'so'))).toBe(2);
    expect(own.cell('DS', 'ten')?.kind).toBe('disabled');
    expect(derivedCells(base, '002', full, members)).toEqual(new Map([[cellKey('DS', 'so'), 2], [cellKey('X.002', 'so'), 5]]));
  });

  it('is idempotent, and refuses a list row with a formula or hand-written rows under it', () => {
    const once = expandLists(base, { members });
    expect(expandLists(once, { members })).toEqual(once);
    const bad = compileTemplate({ ...base, rows: [...base.rows.slice(0, 3), { ...base.rows[3]!, formula: "row('TC')" }, { code: 'X.9', label: 'tay', partOf: 'X' }] });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['rows[3].formula', 'rows[4].code']);
  });

  it('grows an open list to the rows a report holds, up to maxRows', () => {
    expect(openRowsIn(base, [cellKey('DS.2', 'so'), cellKey('DS.7', 'ten'), cellKey('1', 'so')])).toEqual(new Map([['DS', 7]]));
    const own = expandLists(base, { members, ownUnit: '001' });
    const grown = resizeOpenLists(own, new Map([['DS', 9]]));
    expect(grown.rows.filter((r) => r.partOf === 'DS').map((r) => r.code)).toEqual(['DS.1', 'DS.2', 'DS.3']);
    expect(grown.rows.some((r) => r.code === 'X.001')).toBe(true);
  });

  it('offers the rows a report holds plus OPEN_LIST_BLANK_ROWS blank ones, up to maxRows', () => {
    const roomy: TemplateFile = { ...base, rows: base.rows.map((r) => (r.openList ? { ...r, openList: { ...r.openList, maxRows: 15 } } : r)) };
    expect(openRowsToOffer(roomy, [])).toEqual(new Map([['DS', OPEN_LIST_BLANK_ROWS]]));
    expect(openRowsToOffer(roomy, [cellKey('DS.2', 'so'), cellKey('1', 'so')])).toEqual(new Map([['DS', 2 + OPEN_LIST_BLANK_ROWS]]));
    expect(openRowsToOffer(roomy, [cellKey('DS.9', 'ten')])).toEqual(new Map([['DS', 15]]));
    expect(openRowsToOffer(base, [])).toEqual(new Map([['DS', 3]]));
  });

  it('counts the rows an open list shows, and grows it only to hold cells of rows beyond them', () => {
    const own = expandLists(base, { members, ownUnit: '001', openRows: new Map([['DS', 1]]) });
    expect(openListSizes(own)).toEqual(new Map([['DS', 1]]));
    expect(openListSizesFor(own, [cellKey('DS.1', 'so'), cellKey('1', 'so')])).toBeUndefined();
    expect(openListSizesFor(own, [cellKey('DS.2', 'so')])).toEqual(new Map([['DS', 2]]));
    // Never past maxRows (3 here), whatever a draft names.
    expect(openListSizesFor(own, [cellKey('DS.9', 'so')])).toEqual(new Map([['DS', 3]]));
    expect(openListSizes(resizeOpenLists(own, openListSizesFor(own, [cellKey('DS.9', 'so')])!))).toEqual(new Map([['DS', 3]]));
  });

  it('writes out open lists’ items with the roll-up’s generated rows for a unit’s sheet of the Excel package (openItems)', () => {
    const sheet = compile(expandLists(base, { members, openItems: true, openRows: new Map([['DS', 2]]) }));
    expect(sheet.dataRows.map((r) => r.code)).toEqual(['TC', '1', '2', 'X', 'X.001', 'X.002', 'DS', 'DS.1', 'DS.2']);
    expect([sheet.cell('X.001', 'so')?.kind, sheet.cell('DS', 'so')?.kind, sheet.cell('DS.1', 'ten')?.valueType]).toEqual(['input', 'computed', 'text']);
    // Without openItems a roll-up keeps the list's total only, as an input.
    expect(compile(expandLists(base, { members, openRows: new Map([['DS', 2]]) })).dataRows.some((r) => r.code === 'DS.1')).toBe(false);
  });
});

describe('roll-up partials of generated lists', () => {
  it('carries listed rows whatever hierarchy the compiled template was written out for', () => {
    const bare = compile(base);
    const p = contributionOf(bare, new Map([[cellKey('X.001', 'so'), 4]]));
    expect(valuesOfPartials(bare, p).get(cellKey('X.001', 'so'))).toBe(4);
  });

  it('names the listed cells the full recompute matches by prefix: the number columns of each generated list', () => {
    expect(aggregatedListCells(compile(base)).map((c) => [c.prefix, c.spec.col, c.spec.aggregation])).toEqual([['X.', 'so', 'sum']]);
    expect(aggregatedListCells(compile({ ...base, rows: base.rows.filter((r) => !r.list) }))).toEqual([]);
  });
});
