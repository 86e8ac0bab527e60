// validateInputs: each per-cell refusal code, with a Vietnamese message naming the row and column.
import { describe, expect, it } from 'vitest';
import type { CellInput } from '../../../schema/api';
import { validateInputs } from '../../../domain/template/validate-inputs';
import { compile } from './fixtures';

const ct = compile({
  defaults: { min: 0 },
  columns: [
    { key: 'count', label: 'Số lượng' },
    { key: 'area', label: 'Diện tích', valueType: 'decimal', decimals: 2 },
    { key: 'rate', label: 'Tỷ lệ', valueType: 'percent', decimals: 1 },
    { key: 'note', label: 'Ghi chú', valueType: 'text' },
    { key: 'sum', label: 'Cộng', formula: "col('count') + 1" },
  ],
  rows: [
    { code: '1', label: 'Hộ nghèo', max: 500 },
    { code: '2', label: 'Biến động', min: -100, disabled: ['note'] },
  ],
});

describe('validateInputs', () => {
  it('accepts well-formed values, and null to clear any cell', () => {
    const ok: CellInput[] = [
      { row: '1', col: 'count', value: 12 },
      { row: '1', col: 'area', value: 1.25 },
      { row: '1', col: 'rate', value: 97.5 },
      { row: '1', col: 'rate', value: 150 },
      { row: '1', col: 'note', value: 'Ghi chú' },
      { row: '2', col: 'count', value: -40 },
      { row: '1', col: 'area', value: 0.1 + 0.2 },
      { row: '1', col: 'count', value: null },
      { row: '1', col: 'sum', value: null },
      { row: '2', col: 'note', value: null },
    ];
    expect(validateInputs(ct, ok)).toEqual([]);
  });

  it.each<[string, CellInput, string, string]>([
    ['a cell not in the template', { row: '9', col: 'count', value: 1 }, 'unknown-cell', 'Biểu mẫu không có ô dòng "9", cột "count".'],
    ['an unknown column', { row: '1', col: 'x', value: 1 }, 'unknown-cell', 'Biểu mẫu không có ô dòng "1", cột "x".'],
    ['a computed cell', { row: '1', col: 'sum', value: 3 }, 'computed-cell', 'Dòng "Hộ nghèo", cột "Cộng": ô này được tính tự động, không nhập trực tiếp.'],
    ['a disabled cell', { row: '2', col: 'note', value: 'x' }, 'disabled-cell', 'Dòng "Biến động", cột "Ghi chú": ô này không áp dụng cho dòng này, không được nhập.'],
    ['text in a number cell', { row: '1', col: 'count', value: 'mười' }, 'not-a-number', 'Dòng "Hộ nghèo", cột "Số lượng": phải nhập một số (đã nhập "mười").'],
    ['a fraction in an integer cell', { row: '1', col: 'count', value: 1.5 }, 'not-an-integer', 'Dòng "Hộ nghèo", cột "Số lượng": phải nhập số nguyên (đã nhập 1,5).'],
    ['too many decimals', { row: '1', col: 'area', value: 1.255 }, 'too-many-decimals', 'Dòng "Hộ nghèo", cột "Diện tích": chỉ được nhập tối đa 2 chữ số thập phân (đã nhập 1,255).'],
    ['too many decimals in a percentage', { row: '1', col: 'rate', value: 97.25 }, 'too-many-decimals', 'Dòng "Hộ nghèo", cột "Tỷ lệ": chỉ được nhập tối đa 1 chữ số thập phân (đã nhập 97,25).'],
    ['a number in a text cell', { row: '1', col: 'note', value: 5 }, 'not-text', 'Dòng "Hộ nghèo", cột "Ghi chú": phải nhập chữ, không nhập số (đã nhập 5).'],
    ['a negative count where the defaults say min 0', { row: '1', col: 'count', value: -1 }, 'below-min', 'Dòng "Hộ nghèo", cột "Số lượng": không được nhỏ hơn 0 (đã nhập -1).'],
    ["a value under the row's own min", { row: '2', col: 'area', value: -100.5 }, 'below-min', 'Dòng "Biến động", cột "Diện tích": không được nhỏ hơn -100 (đã nhập -100,5).'],
    ["a value over the row's max", { row: '1', col: 'count', value: 1200 }, 'above-max', 'Dòng "Hộ nghèo", cột "Số lượng": không được lớn hơn 500 (đã nhập 1.200).'],
  ])('refuses %s', (_what, input, code, message) => {
    expect(validateInputs(ct, [input])).toEqual([{ row: input.row, col: input.col, code, message, severity: 'error' }]);
  });

  it('reports every bad cell of a batch, one issue per cell', () => {
    const issues = validateInputs(ct, [
      { row: '1', col: 'count', value: -1.5 },
      { row: '1', col: 'area', value: 2 },
      { row: '2', col: 'count', value: 'x' },
    ]);
    expect(issues.map((i) => [i.row, i.col, i.code])).toEqual([
      ['1', 'count', 'not-an-integer'],
      ['2', 'count', 'not-a-number'],
    ]);
  });
});
