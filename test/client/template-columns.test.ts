// The grid is derived from the template: nested header groups from `group`, and each cell's kind
// (input, computed, disabled, header) decides whether it is editable and how it looks.
import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { CellValue, Issue } from '../../schema/api';
import { createEngine } from '../../client/engine';
import {
  buildColumnDefs,
  CODE_COL,
  groupColumns,
  inputProblem,
  LABEL_COL,
  parseCellInput,
  readNumber,
  templateRows,
  UNIT_COL,
  type GridCellSource,
  type GridColumn,
  type GridRow,
} from '../../client/grid/template-columns';
import { bieu06, smallForm } from './fixtures/templates';

function source(over: Partial<GridCellSource> = {}): GridCellSource {
  return {
    value: () => undefined,
    issues: () => [],
    isDirty: () => false,
    canEdit: () => true,
    setValue: () => undefined,
    label: (key) => key,
    ...over,
  };
}

const isGroup = (c: GridColumn): c is ColGroupDef<GridRow> => 'children' in c;
/** Leaf columns in display order. */
function leaves(cols: GridColumn[]): ColDef<GridRow>[] {
  return cols.flatMap((c) => (isGroup(c) ? leaves(c.children) : [c]));
}
function column(cols: GridColumn[], id: string): ColDef<GridRow> {
  const c = leaves(cols).find((x) => x.colId === id);
  if (!c) throw new Error(`no column ${id}`);
  return c;
}
function rowOf(file: { rows: { code: string }[] } & Parameters<typeof templateRows>[0], code: string): GridRow {
  const r = templateRows(file).find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
}
// Just the fields the column callbacks read; AG Grid passes much more.
const params = <T>(data: GridRow, extra: Record<string, unknown> = {}) => ({ data, ...extra }) as unknown as T;

function editable(col: ColDef<GridRow>, row: GridRow): boolean {
  const e = col.editable;
  return typeof e === 'function' ? e(params<EditableCallbackParams<GridRow>>(row)) : !!e;
}
function classes(col: ColDef<GridRow>, row: GridRow): string[] {
  const c = col.cellClass;
  const base = typeof c === 'function' ? c(params<CellClassParams<GridRow>>(row)) : c;
  const ruled = Object.entries(col.cellClassRules ?? {})
    .filter(([, rule]) => typeof rule === 'function' && rule(params<CellClassParams<GridRow>>(row)))
    .map(([name]) => name);
  return [...(Array.isArray(base) ? base : base ? [base] : []), ...ruled].filter(Boolean);
}

describe('column groups of Biểu 06', () => {
  const engine = createEngine(bieu06(), '2025Q1');
  const cols = buildColumnDefs(engine, source());

  it('pins code and label left, with no unit column when no row names a unit', () => {
    expect(cols[0]).toMatchObject({ colId: CODE_COL, pinned: 'left' });
    expect(cols[1]).toMatchObject({ colId: LABEL_COL, pinned: 'left' });
    expect(leaves(cols).some((c) => c.colId === UNIT_COL)).toBe(false);
  });

  it('nests the three header groups of the printed form, "Trong đó" inside "Số hồ sơ nhận giải quyết"', () => {
    const groups = cols.filter(isGroup);
    expect(groups.map((g) => g.headerName)).toEqual(['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']);
    const received = groups[0]!;
    expect(received.children.map((c) => (isGroup(c) ? `[${c.headerName}]` : c.headerName))).toEqual(['Tổng số', '[Trong đó]']);
    const inside = received.children[1] as ColGroupDef<GridRow>;
    expect(inside.children.map((c) => (c as ColDef).colId)).toEqual(['nhan_truc_tuyen', 'nhan_truc_tiep', 'nhan_ky_truoc']);
    expect(groups[1]!.children.map((c) => (c as ColDef).headerName)).toEqual(['Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn']);
  });

  it('keeps the template column order in the leaves', () => {
    expect(leaves(cols).slice(2).map((c) => c.colId)).toEqual(bieu06().columns.map((c) => c.key));
  });

  it('makes lĩnh vực cells editable and the "Tổng cộng" row computed, read-only', () => {
    const col = column(cols, 'nhan_tong');
    expect(editable(col, rowOf(bieu06(), '01'))).toBe(true);
    expect(classes(col, rowOf(bieu06(), '01'))).toContain('report-cell-input');
    expect(editable(col, rowOf(bieu06(), 'TC'))).toBe(false);
    expect(classes(col, rowOf(bieu06(), 'TC'))).toContain('report-cell-computed');
  });

  it('locks every cell when the report may not be edited', () => {
    const locked = buildColumnDefs(engine, source({ canEdit: () => false }));
    expect(editable(column(locked, 'nhan_tong'), rowOf(bieu06(), '01'))).toBe(false);
  });
});

describe('cell kinds of a form with headers, disabled cells, units and decimals', () => {
  const engine = createEngine(smallForm, '2025Q1');

  it('groups neighbours sharing a label, outermost first', () => {
    const tree = groupColumns(smallForm.columns);
    expect(tree.map((n) => (n.kind === 'group' ? n.label : n.column.key))).toEqual(['Số người', 'ty_le']);
    const outer = tree[0]!;
    expect(outer.kind === 'group' && outer.children.map((n) => (n.kind === 'group' ? n.label : n.column.key))).toEqual(['Chia theo giới', 'tong']);
  });

  it('shows a unit column when rows differ in unit', () => {
    const cols = buildColumnDefs(engine, source());
    expect(cols.map((c) => (isGroup(c) ? c.headerName : c.colId)).slice(0, 3)).toEqual([CODE_COL, LABEL_COL, UNIT_COL]);
  });

  it('shows no unit column when every row has the same unit (it is printed above the table)', () => {
    const sameUnit = { ...smallForm, rows: smallForm.rows.filter((r) => r.code !== '4') };
    const cols = buildColumnDefs(createEngine(sameUnit, '2025Q1'), source());
    expect(cols.some((c) => !isGroup(c) && c.colId === UNIT_COL)).toBe(false);
  });

  it('spans a header row across the data columns and never edits it', () => {
    const cols = buildColumnDefs(engine, source());
    const header = rowOf(smallForm, 'I');
    const first = column(cols, 'nam');
    const span = first.colSpan as (p: unknown) => number;
    expect(span(params(header))).toBe(smallForm.columns.length);
    expect(span(params(rowOf(smallForm, '1')))).toBe(1);
    expect(editable(first, header)).toBe(false);
    expect(first.suppressNavigable).toBeTypeOf('function');
    expect((column(cols, LABEL_COL).colSpan as (p: unknown) => number)(params(header))).toBe(2);
  });

  it('greys out disabled cells and makes formula columns computed', () => {
    const cols = buildColumnDefs(engine, source());
    const share = column(cols, 'ty_le');
    expect(classes(share, rowOf(smallForm, '2'))).toContain('report-cell-disabled');
    expect(editable(share, rowOf(smallForm, '2'))).toBe(false);
    expect(classes(column(cols, 'tong'), rowOf(smallForm, '1'))).toContain('report-cell-computed');
    expect(editable(column(cols, 'nam'), rowOf(smallForm, '2.1'))).toBe(true);
  });

  it('marks the rows that indent, are part of another, or are totals', () => {
    const rows = templateRows(smallForm);
    expect(rows.find((r) => r.code === '2.1')).toMatchObject({ indent: 2, isPartOf: true, unit: 'người' });
    expect(rows.find((r) => r.code === '3')).toMatchObject({ isTotal: true });
    expect(rows.find((r) => r.code === 'I')).toMatchObject({ isHeader: true });
    const label = column(buildColumnDefs(engine, source()), LABEL_COL);
    expect(classes(label, rows.find((r) => r.code === '2.1')!)).toEqual(expect.arrayContaining(['report-indent-2', 'report-part-of']));
  });

  it('colours cells with errors red and warnings amber, and shows the message as tooltip', () => {
    const issues: Record<string, Issue[]> = {
      '1|nam': [{ row: '1', col: 'nam', code: 'x', message: 'Sai', severity: 'error' }],
      '1|nu': [{ row: '1', col: 'nu', code: 'y', message: 'Xem lại', severity: 'warning' }],
    };
    const cols = buildColumnDefs(engine, source({ issues: (r, c) => issues[`${r}|${c}`] ?? [] }));
    const row = rowOf(smallForm, '1');
    expect(classes(column(cols, 'nam'), row)).toContain('report-cell-error');
    expect(classes(column(cols, 'nu'), row)).toContain('report-cell-warning');
    expect(classes(column(cols, 'nu'), row)).not.toContain('report-cell-error');
    const tip = column(cols, 'nam').tooltipValueGetter!;
    expect(tip(params(row))).toBe('Sai');
  });

  it('formats numbers vi-VN with the cell decimals and reads vi-VN back', () => {
    const values: Record<string, CellValue> = { '1|nam': 1234567, '1|ty_le': 66.66 };
    const cols = buildColumnDefs(engine, source({ value: (r, c) => values[`${r}|${c}`] }));
    const row = rowOf(smallForm, '1');
    const fmt = (id: string, v: CellValue) => (column(cols, id).valueFormatter as (p: ValueFormatterParams<GridRow>) => string)(params(row, { value: v }));
    expect(fmt('nam', 1234567)).toBe('1.234.567');
    expect(fmt('ty_le', 66.66)).toBe('66,7');
    expect(parseCellInput(engine.cell('1', 'nam'), { newValue: '1.234' })).toBe(1234);
    expect(parseCellInput(engine.cell('1', 'nam'), { newValue: '' })).toBeNull();
    expect(inputProblem(engine.cell('1', 'nam'), 'abc')).toBe('invalidInput');
    expect(inputProblem(engine.cell('1', 'nam'), '1,5')).toBe('notInteger');
    expect(inputProblem(engine.cell('1', 'nam'), '15')).toBeUndefined();
  });

  it('writes an edit through the source and refuses unreadable text in a number cell', () => {
    const writes: [string, string, CellValue][] = [];
    const cols = buildColumnDefs(engine, source({ setValue: (r, c, v) => writes.push([r, c, v]) }));
    const set = column(cols, 'nam').valueSetter as (p: unknown) => boolean;
    const row = rowOf(smallForm, '1');
    expect(set(params(row, { newValue: 12, oldValue: null }))).toBe(true);
    expect(set(params(row, { newValue: 'abc', oldValue: 12 }))).toBe(false);
    expect(set(params(row, { newValue: 12, oldValue: 12 }))).toBe(false);
    expect(writes).toEqual([['1', 'nam', 12]]);
  });
});

describe('units of measure', () => {
  it("falls back to the template's default unit, as the Excel package does, and gives section rows none", () => {
    const file = {
      ...smallForm,
      defaults: { ...smallForm.defaults, unit: 'hồ sơ' },
      rows: [
        { code: 'H', label: 'Phần I', header: true },
        { code: 'a', label: 'Có đơn vị riêng', unit: 'ha' },
        { code: 'b', label: 'Theo mặc định' },
      ],
    };
    expect(templateRows(file).map((r) => [r.code, r.unit])).toEqual([
      ['H', ''],
      ['a', 'ha'],
      ['b', 'hồ sơ'],
    ]);
  });
});

describe('readNumber', () => {
  it('reads (12) as a negative only where the cell has no minimum of zero or more', () => {
    const info = { kind: 'input', valueType: 'integer', decimals: 0 } as const;
    expect(readNumber({ ...info, min: -100 }, '(12)')).toEqual({ ok: true, value: -12 });
    expect(readNumber(info, '(1.234)')).toEqual({ ok: true, value: -1234 });
    expect(readNumber({ ...info, min: 0 }, '(12)')).toEqual({ ok: false, reason: 'negative-not-allowed' });
    expect(inputProblem({ ...info, min: 0 }, '(12)')).toBe('negativeNotAllowed');
  });
});
