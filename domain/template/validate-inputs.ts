// validateInputs: per-cell checks of submitted values before anything is saved (type, decimals, bounds).
import type { CellInput, Issue } from '../../schema/api';
import { formatNumberVi, formatValueVi } from './format-vi';
import { cellLabel } from './labels';
import type { CellSpec, CompiledTemplate } from './types';

export type InputIssueCode =
  | 'unknown-cell'
  | 'computed-cell'
  | 'disabled-cell'
  | 'not-a-number'
  | 'not-an-integer'
  | 'too-many-decimals'
  | 'not-text'
  | 'below-min'
  | 'above-max'
  | 'out-of-range'
  | 'too-long';

/**
 * No figure of a report is larger than this, whatever its row says: a bound that keeps totals finite and
 * exact (a sum of 10,000 communes stays below 2^53) and refuses slips like 1e308 with the cell named.
 */
export const DEFAULT_MAGNITUDE = 1e15;
/** A text cell holds a sentence or a list, not a document. */
export const MAX_TEXT_LENGTH = 4000;

/**
 * One issue at most per cell, the first that applies. A null value clears a cell and is always
 * accepted on an input cell; on a computed or disabled cell it stores nothing, so it is let through too.
 */
export function validateInputs(ct: CompiledTemplate, values: readonly CellInput[]): Issue[] {
  const issues: Issue[] = [];
  for (const { row, col, value } of values) {
    const spec = ct.cell(row, col);
    const issue = (code: InputIssueCode, what: string): void => {
      issues.push({ row, col, code, message: `${cellLabel(ct, row, col)}: ${what}.`, severity: 'error' });
    };
    if (spec === undefined) {
      issues.push({ row, col, code: 'unknown-cell', message: `Biểu mẫu không có ô dòng "${row}", cột "${col}".`, severity: 'error' });
      continue;
    }
    if (value === null) continue;
    if (spec.kind === 'computed') issue('computed-cell', 'ô này được tính tự động, không nhập trực tiếp');
    else if (spec.kind === 'disabled') issue('disabled-cell', 'ô này không áp dụng cho dòng này, không được nhập');
    else {
      const problem = checkValue(spec, value);
      if (problem) issue(problem.code, problem.what);
    }
  }
  return issues;
}

function checkValue(spec: CellSpec, value: number | string): { code: InputIssueCode; what: string } | undefined {
  const entered = `(đã nhập ${formatValueVi(value, 10)})`;
  if (spec.valueType === 'text') {
    if (typeof value !== 'string') return { code: 'not-text', what: `phải nhập chữ, không nhập số ${entered}` };
    return value.length > MAX_TEXT_LENGTH ? { code: 'too-long', what: `dài quá ${formatNumberVi(MAX_TEXT_LENGTH)} ký tự` } : undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { code: 'not-a-number', what: `phải nhập một số ${entered}` };
  }
  if (Math.abs(value) > DEFAULT_MAGNITUDE) {
    return { code: 'out-of-range', what: `số quá lớn: giá trị tuyệt đối tối đa ${formatNumberVi(DEFAULT_MAGNITUDE)} ${entered}` };
  }
  if (spec.valueType === 'integer' && !Number.isInteger(value)) {
    return { code: 'not-an-integer', what: `phải nhập số nguyên ${entered}` };
  }
  if (spec.valueType !== 'integer' && !hasAtMostDecimals(value, spec.decimals)) {
    const limit = spec.decimals === 0 ? 'phải nhập số nguyên' : `chỉ được nhập tối đa ${spec.decimals} chữ số thập phân`;
    return { code: spec.decimals === 0 ? 'not-an-integer' : 'too-many-decimals', what: `${limit} ${entered}` };
  }
  if (spec.min !== undefined && value < spec.min) {
    return { code: 'below-min', what: `không được nhỏ hơn ${formatNumberVi(spec.min)} ${entered}` };
  }
  if (spec.max !== undefined && value > spec.max) {
    return { code: 'above-max', what: `không được lớn hơn ${formatNumberVi(spec.max)} ${entered}` };
  }
  return undefined;
}

/** 1.25 has 2 decimals; the check tolerates binary noise such as 0.1 + 0.2 = 0.30000000000000004. */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}
