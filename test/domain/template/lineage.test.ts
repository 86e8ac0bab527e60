// Version lineage: translateValues carries old inputs into a new version; rowSeriesCodes continues series.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../schema/template';
import { lineageProblems, predecessorsOf, rowSeriesCodes, translateValues } from '../../../domain/template/lineage';
import { compile, values } from './fixtures';

const columns = [
  { key: 'v', label: 'Giá trị' },
  { key: 'note', label: 'Ghi chú', valueType: 'text' as const },
];
const v1 = compile({
  version: 1,
  columns: [...columns, { key: 'old_col', label: 'Cột bỏ' }],
  rows: [
    { code: 'A', label: 'Xã A' },
    { code: 'B', label: 'Xã B' },
    { code: 'C', label: 'Xã C' },
    { code: 'D', label: 'Xã D' },
    { code: 'E', label: 'Xã E' },
    { code: 'F', label: 'Xã F' },
  ],
});
const v2Rows: Row[] = [
  { code: 'A', label: 'Xã A' }, // unchanged
  { code: 'B2', label: 'Xã B mới', was: [{ code: 'B', how: 'renamed' }] },
  { code: 'CD', label: 'Xã C và D', was: [{ code: 'C', how: 'merged' }, { code: 'D', how: 'merged' }] },
  { code: 'E1', label: 'Một phần xã E', was: [{ code: 'E', how: 'split' }] },
  { code: 'E2', label: 'Phần còn lại xã E', was: [{ code: 'E', how: 'split' }] },
  { code: 'F', label: 'Xã F (mã dùng lại)' }, // F continues in 'FX': the code F now names a new row
  { code: 'FX', label: 'Xã F cũ', was: [{ code: 'F', how: 'renamed' }] },
  { code: 'N', label: 'Xã mới' },
  { code: 'T', label: 'Tổng', formula: "sumRows('A', 'N')", aggregation: 'formula' },
];
const v2 = compile({ version: 2, columns: [...columns, { key: 'new_col', label: 'Cột mới' }], rows: v2Rows });

describe('translateValues', () => {
  const old = values(
    ['A', 'v', 1], ['A', 'note', 'giữ'], ['A', 'old_col', 9],
    ['B', 'v', 2], ['B', 'note', 'đổi tên'],
    ['C', 'v', 3], ['C', 'note', 'c'], ['D', 'v', 4],
    ['E', 'v', 5],
    ['F', 'v', 6],
  );
  const translated = translateValues(v1, v2, old);

  it('carries unchanged and renamed rows, sums merged rows and leaves split rows empty', () => {
    expect(translated).toEqual(
      values(['A', 'v', 1], ['A', 'note', 'giữ'], ['B2', 'v', 2], ['B2', 'note', 'đổi tên'], ['CD', 'v', 7], ['FX', 'v', 6]),
    );
  });

  it('does not give a reused code the values of the old row that now continues elsewhere', () => {
    expect(translated.has('F|v')).toBe(false);
  });

  it('drops columns the new version no longer has, and carries no computed cell', () => {
    expect([...translated.keys()].some((k) => k.endsWith('|old_col') || k.startsWith('T|'))).toBe(false);
  });
});

describe('rowSeriesCodes and predecessorsOf', () => {
  it.each<[string, string[]]>([
    ['A', ['A']],
    ['B2', ['B']],
    ['CD', ['C', 'D']],
    ['E1', []],
    ['F', []],
    ['FX', ['F']],
    ['N', []],
  ])("row %s of version 2 continues the series of %j in version 1", (code, expected) => {
    expect(rowSeriesCodes(v1, v2, code)).toEqual(expected);
  });

  it('tells how each row came about', () => {
    expect(predecessorsOf(v1, v2, 'E2')).toEqual([{ code: 'E', how: 'split' }]);
    expect(predecessorsOf(v1, v2, 'A')).toEqual([{ code: 'A', how: 'same' }]);
  });
});

describe('lineageProblems', () => {
  it('reports a was code that is not a data row of the previous version', () => {
    const v3 = compile({ version: 3, columns, rows: [{ code: 'Z', label: 'Z', was: [{ code: 'B3', how: 'renamed' }] }] });
    expect(lineageProblems(v2, v3)).toEqual([
      { path: 'rows[0].was[0].code', message: "row 'Z' continues 'B3', which is not a data row of version 2 — did you mean 'B2'?", fix: 'name a data row code of version 2' },
    ]);
    expect(lineageProblems(v1, v2)).toEqual([]);
  });
});
