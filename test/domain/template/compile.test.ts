// compileTemplate: how cells resolve, and every kind of template mistake reported with its path and a fix.
import { describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../../schema/template';
import { compileTemplate } from '../../../domain/template/compile';
import { compile, templateFile } from './fixtures';

type Parts = Pick<TemplateFile, 'columns' | 'rows'> & Partial<TemplateFile>;

/** Two input columns and their total; a header, two data rows and a total row. */
function base(): Parts {
  return {
    columns: [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
      { key: 'total', label: 'Tổng', formula: "col('a') + col('b')" },
    ],
    rows: [
      { code: 'I', label: 'Nhóm I', header: true },
      { code: '1', label: 'Dòng 1' },
      { code: '2', label: 'Dòng 2' },
      { code: 'T', label: 'Tổng cộng', formula: "sumRows('1', '2')", aggregation: 'formula' },
    ],
  };
}

function problemsOf(change: (t: Parts) => void): { path: string; message: string; fix: string }[] {
  const parts = base();
  change(parts);
  const result = compileTemplate(templateFile(parts));
  return result.ok ? [] : result.problems;
}

describe('compileTemplate resolves cells', () => {
  it('gives data rows cells and header rows none', () => {
    const ct = compile(base());
    expect(ct.dataRows.map((r) => r.code)).toEqual(['1', '2', 'T']);
    expect(ct.cells).toHaveLength(9);
    expect(ct.cell('I', 'a')).toBeUndefined();
    expect(ct.cell('1', 'a')).toMatchObject({ kind: 'input', valueType: 'integer', decimals: 0, aggregation: 'sum' });
    expect(ct.inputCells.map((c) => c.key)).toEqual(['1|a', '1|b', '2|a', '2|b']);
  });

  it('takes a cell formula over a column formula over a row formula, and disabled over all of them', () => {
    const parts = base();
    parts.columns.push({ key: 'c', label: 'C' });
    parts.rows.push({ code: 'X', label: 'Tỷ lệ', formula: "row('1') * 2", disabled: ['c'] });
    parts.cellFormulas = [{ row: 'X', col: 'a', formula: "cell('1', 'a') + 1" }];
    const ct = compile(parts);
    expect(ct.cell('X', 'a')).toMatchObject({ kind: 'computed', formula: "cell('1', 'a') + 1", formulaPath: 'cellFormulas[0].formula' });
    expect(ct.cell('X', 'b')).toMatchObject({ kind: 'computed', formula: "row('1') * 2" });
    expect(ct.cell('X', 'c')).toMatchObject({ kind: 'disabled' });
    expect(ct.cell('X', 'c')?.formula).toBeUndefined();
    expect(ct.cell('X', 'total')?.formula).toBe("col('a') + col('b')");
    expect(ct.cell('T', 'total')).toMatchObject({ formula: "col('a') + col('b')", formulaPath: 'columns[2].formula' });
    expect(ct.cell('T', 'a')).toMatchObject({ formula: "sumRows('1', '2')", formulaPath: 'rows[3].formula' });
  });

  it('takes value type and decimals from the column, then the row, then the defaults', () => {
    const ct = compile({
      defaults: { valueType: 'decimal', decimals: 3, aggregation: 'average', min: 0 },
      columns: [
        { key: 'n', label: 'Số' },
        { key: 'pct', label: 'Tỷ lệ', valueType: 'percent', decimals: 1 },
        { key: 'note', label: 'Ghi chú', valueType: 'text' },
      ],
      rows: [
        { code: '1', label: 'Một', valueType: 'integer', max: 500 },
        { code: '2', label: 'Hai', aggregation: 'last', decimals: 2, min: -10 },
      ],
    });
    expect(ct.cell('1', 'n')).toMatchObject({ valueType: 'integer', decimals: 3, aggregation: 'average', min: 0, max: 500 });
    expect(ct.cell('1', 'pct')).toMatchObject({ valueType: 'percent', decimals: 1 });
    expect(ct.cell('2', 'n')).toMatchObject({ valueType: 'decimal', decimals: 2, aggregation: 'last', min: -10 });
    expect(ct.cell('2', 'note')).toMatchObject({ valueType: 'text', aggregation: 'none' });
    expect(ct.cell('2', 'note')?.min).toBe(-10);
    expect(ct.cell('1', 'note')?.min).toBeUndefined();
  });

  it('defaults to integer, sum, and two decimals for decimal and percent cells', () => {
    const ct = compile({ columns: [{ key: 'x', label: 'X' }, { key: 'p', label: 'P', valueType: 'percent' }], rows: [{ code: '1', label: 'Một' }] });
    expect(ct.cell('1', 'x')).toMatchObject({ valueType: 'integer', decimals: 0, aggregation: 'sum' });
    expect(ct.cell('1', 'x')?.min).toBeUndefined();
    expect(ct.cell('1', 'p')).toMatchObject({ valueType: 'percent', decimals: 2 });
  });

  it('lists computed cells so that each comes after the cells of the same period it reads', () => {
    const ct = compile({
      columns: [{ key: 'v', label: 'V' }],
      rows: [
        { code: 'c', label: 'C', formula: "row('b') + prev(row('d'))" },
        { code: 'b', label: 'B', formula: "row('a') * 2" },
        { code: 'a', label: 'A', formula: "row('in') + 1" },
        { code: 'in', label: 'Nhập' },
        { code: 'd', label: 'D', formula: "row('a') + 1" },
      ],
    });
    const order = ct.computedCells.map((c) => c.row);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order.indexOf('c')).toBeLessThan(order.indexOf('d'));
    expect(order).toHaveLength(4);
  });

  it('summarises which other periods the formulas and rules read, and how deep', () => {
    const none = compile(base());
    expect(none.temporal).toMatchObject({ prev: false, lastYear: false, ytd: false, maxPrevDepth: 0, transforms: [] });
    const ct = compile({
      columns: [{ key: 'v', label: 'V' }, { key: 'ly', label: 'LY', formula: "lastYear(col('v'))" }],
      rows: [{ code: 'x', label: 'X' }, { code: 'd', label: 'D', formula: "prev(ytd(row('x')))" }],
      rules: [{ id: 'r', severity: 'warning', type: 'compare', left: "prev(cell('x', 'v'))", op: '>=', right: '0' }],
    });
    expect(ct.temporal).toMatchObject({ prev: true, lastYear: true, ytd: true, maxPrevDepth: 1, maxLastYearDepth: 1 });
    expect(ct.temporal.transforms).toContainEqual({ ytd: true, shifts: ['lastYear', 'prev'] });
  });
});

describe('compileTemplate reports problems', () => {
  it.each<[string, (t: Parts) => void, string, string]>([
    ['a duplicated row code', (t) => t.rows.push({ code: '2', label: 'Lại 2' }), 'rows[4].code', "row code '2' is used twice"],
    ['a duplicated column key', (t) => t.columns.push({ key: 'a', label: 'Lại A' }), 'columns[3].key', "column key 'a' is used twice"],
    ['a header row with a formula', (t) => (t.rows[0] = { code: 'I', label: 'Nhóm', header: true, formula: '1' }), 'rows[0].formula', 'header row'],
    ['partOf an unknown row', (t) => (t.rows[2] = { code: '2', label: 'Hai', partOf: '3' }), 'rows[2].partOf', "unknown row '3'"],
    ['partOf a row after it', (t) => (t.rows[1] = { code: '1', label: 'Một', partOf: '2' }), 'rows[1].partOf', 'does not come before it'],
    ['a formula that does not parse', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "sumRows('1', '2'" }), 'rows[3].formula', "expected ')' at 16"],
    ['an unknown function', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "sumrow('1', '2')" }), 'rows[3].formula', "did you mean 'sumRows'?"],
    ['an unknown column key in a formula', (t) => (t.columns[2] = { key: 'total', label: 'Tổng', formula: "col('a') + col('tota')" }), 'columns[2].formula', "unknown column key 'tota' at 11 — did you mean 'total'?"],
    ['an unknown row code in a formula', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "row('1') + row('22')" }), 'rows[3].formula', "unknown row code '22' at 11 — did you mean '2'?"],
    ['an unknown row code in sumRows', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "sumRows('1', '3')" }), 'rows[3].formula', "unknown row code '3' in sumRows"],
    ['a reversed sumRows range', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "sumRows('2', '1')" }), 'rows[3].formula', "row '2' comes after row '1'"],
    ['a formula reading a header row', (t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "row('I')" }), 'rows[3].formula', "row 'I' read at 0 is a header row"],
    ['an unknown code in a rule', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', target: "cell('9', 'a')" }]), 'rules[0].target', "unknown row code '9'"],
    ['a formula reading a disabled cell', (t) => (t.rows[2] = { code: '2', label: 'Hai', disabled: ['b'] }), 'columns[2].formula', 'cell 2.total reads cell 2.b, which is disabled'],
    ['a cycle between formulas', (t) => (t.cellFormulas = [{ row: '1', col: 'a', formula: "col('total')" }]), 'cellFormulas[0].formula', 'formulas form a cycle: 1.a → 1.total → 1.a'],
    ['a cycle through ytd(), which includes this period', (t) => (t.cellFormulas = [{ row: '1', col: 'a', formula: "ytd(col('total'))" }]), 'cellFormulas[0].formula', 'formulas form a cycle: 1.a → 1.total → 1.a'],
    ['a value computed from its own earlier values', (t) => (t.cellFormulas = [{ row: '1', col: 'a', formula: "prev(col('a')) + 1" }]), 'cellFormulas[0].formula', 'reads its own value in an earlier period: 1.a → prev: 1.a'],
    ["aggregation 'formula' on a row without a formula", (t) => (t.rows[1] = { code: '1', label: 'Một', aggregation: 'formula' }), 'rows[1].aggregation', "aggregates by 'formula' but has no formula"],
    ['a disabled list naming an unknown column', (t) => (t.rows[1] = { code: '1', label: 'Một', disabled: ['c'] }), 'rows[1].disabled[0]', "unknown column key 'c'"],
    ['a rule id used twice', (t) => (t.rules = [
      { id: 'r', severity: 'error', type: 'required', target: "col('a')" },
      { id: 'r', severity: 'error', type: 'required', target: "col('b')" },
    ]), 'rules[1].id', "rule id 'r' is used twice"],
    ['a rule naming an unknown row', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', rows: ['1', '7'], target: "col('a')" }]), 'rules[0].rows[1]', "unknown row code '7'"],
    ['a rule naming a header row', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', rows: ['I'], target: "col('a')" }]), 'rules[0].rows[0]', 'header row'],
    ['a rule naming an unknown column', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', cols: ['a', 'z'], target: "row('1')" }]), 'rules[0].cols[1]', "unknown column key 'z'"],
    ['a rule using row() with no column to check', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', cols: [], target: "row('1')" }]), 'rules[0].cols', 'need a current column'],
    ['a rule using col() with no row to check', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', rows: [], target: "col('a')" }]), 'rules[0].rows', 'needs a current row'],
    ['a rule listing cols without reading row()', (t) => (t.rules = [{ id: 'r', severity: 'error', type: 'required', cols: ['a'], target: "col('a')" }]), 'rules[0].cols', '"cols" has no effect'],
    ['a rule reading a disabled cell in a listed row', (t) => {
      t.rows[2] = { code: '2', label: 'Hai', disabled: ['total'] };
      t.rules = [{ id: 'r', severity: 'error', type: 'required', rows: ['2'], target: "col('total')" }];
    }, 'rules[0]', 'reads cell 2.total, which is disabled'],
    ['a rule no cell of which is enabled', (t) => {
      t.rows[1] = { code: '1', label: 'Một', disabled: 'all' };
      t.rules = [{ id: 'r', severity: 'error', type: 'range', target: "row('1')", min: 0 }];
    }, 'rules[0]', 'never checked'],
    ['a cell formula for an unknown row', (t) => (t.cellFormulas = [{ row: '5', col: 'a', formula: '1' }]), 'cellFormulas[0].row', "unknown row code '5'"],
    ['a cell formula for an unknown column', (t) => (t.cellFormulas = [{ row: '1', col: 'q', formula: '1' }]), 'cellFormulas[0].col', "unknown column key 'q'"],
    ['a cell formula for a header row', (t) => (t.cellFormulas = [{ row: 'I', col: 'a', formula: '1' }]), 'cellFormulas[0].row', 'header row'],
    ['a cell formula for a disabled cell', (t) => {
      t.rows[1] = { code: '1', label: 'Một', disabled: ['a'] };
      t.cellFormulas = [{ row: '1', col: 'a', formula: '1' }];
    }, 'cellFormulas[0]', 'is disabled'],
    ['lineage naming the same old code twice in a row', (t) => (t.rows[1] = { code: '1', label: 'Một', was: [{ code: 'x', how: 'merged' }, { code: 'x', how: 'merged' }] }), 'rows[1].was[1].code', "names old row 'x' twice"],
    ['lineage continuing one old row in two rows', (t) => {
      t.rows[1] = { code: '1', label: 'Một', was: [{ code: 'x', how: 'renamed' }] };
      t.rows[2] = { code: '2', label: 'Hai', was: [{ code: 'x', how: 'renamed' }] };
    }, 'rows[2].was[0].code', "old row 'x' is named by rows '1', '2'"],
    ['lineage splitting an old row into one row only', (t) => (t.rows[1] = { code: '1', label: 'Một', was: [{ code: 'x', how: 'split' }] }), 'rows[1].was[0].code', "is split into row '1' only"],
  ])('%s', (_what, change, path, message) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
    for (const p of problems) expect(p.fix.length).toBeGreaterThan(5);
  });

  it('accepts prev() and lastYear() reading computed cells of another period that do not lead back', () => {
    expect(problemsOf((t) => (t.cellFormulas = [{ row: '1', col: 'a', formula: "prev(cell('2', 'total'))" }]))).toEqual([]);
    expect(problemsOf((t) => (t.cellFormulas = [{ row: '1', col: 'a', formula: "lastYear(cell('T', 'total'))" }]))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('reads its own value in an earlier period: 1.a → lastYear: T.total') }),
    ]);
  });

  it("accepts aggregation 'formula' on a row that column formulas compute entirely", () => {
    const result = compileTemplate(
      templateFile({
        columns: [{ key: 'n', label: 'Số' }, { key: 'dbl', label: 'Gấp đôi', formula: "col('n') * 2" }],
        rows: [{ code: '1', label: 'Một' }, { code: 'R', label: 'Tính', aggregation: 'formula' }],
        cellFormulas: [{ row: 'R', col: 'n', formula: "cell('1', 'n') + 1" }],
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('lets sumRows skip a disabled cell in its range', () => {
    expect(problemsOf((t) => (t.rows[2] = { code: '2', label: 'Hai', disabled: ['a'] }))).toEqual([
      expect.objectContaining({ path: 'columns[2].formula', message: expect.stringContaining('reads cell 2.a') }),
    ]);
    expect(problemsOf((t) => (t.rows[2] = { code: '2', label: 'Hai', disabled: 'all' }))).toEqual([]);
  });

  it('shows where a formula stops parsing in the fix', () => {
    const [problem] = problemsOf((t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "sum(row('1') row('2'))" }));
    expect(problem).toEqual({ path: 'rows[3].formula', message: "expected ')' at 13, found 'row'", fix: "correct the formula where ▸ marks: sum(row('1') ▸row('2'))" });
  });

  it('reports a mistake in a row formula once, not once per column', () => {
    const problems = problemsOf((t) => (t.rows[3] = { code: 'T', label: 'Tổng', formula: "row('9')" }));
    expect(problems.filter((p) => p.path === 'rows[3].formula')).toHaveLength(1);
  });
});
