// checkRules: compare, range and required rules, their scopes, the cell they mark and their Vietnamese messages.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../schema/template';
import type { CellValues } from '../../../domain/template/cell-key';
import { computeReport } from '../../../domain/template/evaluator';
import { formatNumberVi } from '../../../domain/template/format-vi';
import { checkRules } from '../../../domain/template/rules';
import { compile, monthly, values } from './fixtures';

function withRules(...rules: Rule[]) {
  return compile({
    columns: [
      { key: 'plan', label: 'Kế hoạch', valueType: 'decimal' },
      { key: 'done', label: 'Thực hiện', valueType: 'decimal' },
      { key: 'note', label: 'Ghi chú', valueType: 'text' },
    ],
    rows: [
      { code: 'budget', label: 'Thu ngân sách' },
      { code: 'tax', label: 'Thu thuế', partOf: 'budget' },
      { code: 'fees', label: 'Phí, lệ phí', partOf: 'budget', disabled: ['plan'] },
    ],
    rules,
  });
}

function check(rules: Rule[], inputs: CellValues, data: Record<string, CellValues> = {}) {
  return checkRules(withRules(...rules), monthly('202406', { ...data, '202406': inputs }));
}

const compare = (left: string, op: '=' | '<>' | '<' | '<=' | '>' | '>=', right: string, extra: Partial<Rule> = {}): Rule =>
  ({ id: 'cmp', severity: 'error', type: 'compare', left, op, right, ...extra }) as Rule;

describe('checkRules compare', () => {
  it.each<[string, '=' | '<>' | '<' | '<=' | '>' | '>=', number, number, number, boolean]>([
    ['equal', '=', 10, 10, 0, true],
    ['equal within tolerance', '=', 10, 10.4, 0.5, true],
    ['equal beyond tolerance', '=', 10, 10.6, 0.5, false],
    ['not equal', '<>', 10, 10, 0, false],
    ['less', '<', 9, 10, 0, true],
    ['less, but equal', '<', 10, 10, 0, false],
    ['at most', '<=', 10, 10, 0, true],
    ['at most, over by less than the tolerance', '<=', 10.3, 10, 0.5, true],
    ['greater', '>', 10, 10, 0, false],
    ['at least', '>=', 9.99, 10, 0, false],
    ['at least within tolerance', '>=', 9.99, 10, 0.01, true],
  ])('%s: %d %s %d (tolerance %d) holds = %s', (_what, op, left, right, tolerance, holds) => {
    const issues = check([compare("col('done')", op, "col('plan')", { tolerance })], values(['budget', 'done', left], ['budget', 'plan', right]));
    expect(issues.length === 0).toBe(holds);
  });

  it('treats 0.1 + 0.2 as equal to 0.3', () => {
    expect(check([compare("col('done')", '=', "col('plan') + 0.2")], values(['budget', 'done', 0.3], ['budget', 'plan', 0.1]))).toEqual([]);
  });

  it('skips a row where both sides are empty, and counts one empty side as 0', () => {
    const rule = compare("col('done')", '<=', "col('plan')");
    expect(check([rule], values())).toEqual([]);
    expect(check([rule], values(['tax', 'done', 5]))).toEqual([
      { row: 'tax', col: 'done', code: 'cmp', severity: 'error', message: 'Dòng "Thu thuế": Thực hiện (5) phải nhỏ hơn hoặc bằng Kế hoạch (trống).' },
    ]);
  });

  it('checks every data row by default, but not the rows where a cell it reads is disabled', () => {
    const issues = check([compare("col('plan')", '>', '0')], values(['budget', 'plan', 0], ['tax', 'plan', 0]));
    expect(issues.map((i) => i.row)).toEqual(['budget', 'tax']);
  });

  it('checks only the listed rows', () => {
    const issues = check([compare("col('done')", '>', '0', { rows: ['tax'] })], values(['budget', 'done', 0], ['tax', 'done', 0]));
    expect(issues.map((i) => i.row)).toEqual(['tax']);
  });

  it('checks a rule written with row() in every column, and names the column first', () => {
    const issues = check([compare("sumRows('tax', 'fees')", '<=', "row('budget')", { cols: ['done'] })], values(['budget', 'done', 1000], ['tax', 'done', 900], ['fees', 'done', 234.5]));
    expect(issues).toEqual([
      {
        row: 'tax',
        col: 'done',
        code: 'cmp',
        severity: 'error',
        message: 'Cột "Thực hiện": tổng các dòng từ "Thu thuế" đến "Phí, lệ phí" (1.134,5) phải nhỏ hơn hoặc bằng "Thu ngân sách" (1.000).',
      },
    ]);
  });

  it('checks a rule reading only named cells once, and starts its message with a capital', () => {
    const issues = check([compare("sumRows('tax', 'fees', 'done')", '<=', "cell('budget', 'done')")], values(['budget', 'done', 1], ['tax', 'done', 2]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe('Tổng các dòng từ "Thu thuế" đến "Phí, lệ phí" của cột "Thực hiện" (2) phải nhỏ hơn hoặc bằng Thực hiện của "Thu ngân sách" (1).');
  });

  it('describes other periods in words', () => {
    const rule = compare("col('done')", '>=', "lastYear(col('done')) * 0.5", { severity: 'warning' });
    const issues = check([rule], values(['budget', 'done', 10]), { '202306': values(['budget', 'done', 30]) });
    expect(issues[0]).toMatchObject({ severity: 'warning', message: 'Dòng "Thu ngân sách": Thực hiện (10) phải lớn hơn hoặc bằng Thực hiện cùng kỳ năm trước × 0,5 (15).' });
  });

  it('fills a rule\'s own message with the labels of the marked cell and the two sides', () => {
    const rule = compare("col('done')", '<=', "col('plan')", { message: '{row} – {col}: thực hiện {left} vượt kế hoạch {right}.', tolerance: 0.5 });
    const issues = check([rule], values(['budget', 'done', 1500.25], ['budget', 'plan', 1200]));
    expect(issues[0]?.message).toBe('Thu ngân sách – Thực hiện: thực hiện 1.500,25 vượt kế hoạch 1.200.');
  });

  it('compares texts for equality only', () => {
    const rule = compare("col('note')", '=', "'đạt'");
    expect(check([rule], values(['budget', 'note', 'đạt']))).toEqual([]);
    expect(check([rule], values(['budget', 'note', 'chưa đạt']))[0]?.message).toBe('Dòng "Thu ngân sách": Ghi chú ("chưa đạt") phải bằng "đạt" ("đạt").');
  });
});

describe('checkRules range and required', () => {
  const range: Rule = { id: 'rate', severity: 'warning', type: 'range', rows: ['budget'], target: "col('done') / col('plan') * 100", min: 80, max: 120 };

  it('flags a value outside [min, max] and leaves an empty target to required rules', () => {
    expect(check([range], values(['budget', 'done', 50], ['budget', 'plan', 100]))).toEqual([
      {
        row: 'budget',
        col: 'done',
        code: 'rate',
        severity: 'warning',
        message: 'Dòng "Thu ngân sách": Thực hiện / Kế hoạch × 100 (50) phải nằm trong khoảng từ 80 đến 120.',
      },
    ]);
    expect(check([range], values(['budget', 'done', 100], ['budget', 'plan', 100]))).toEqual([]);
    expect(check([range], values(['budget', 'plan', 100]))).toEqual([]);
  });

  it('says which bound is broken when only one is given', () => {
    const atLeast: Rule = { id: 'min', severity: 'error', type: 'range', rows: ['tax'], target: "col('done')", min: 1000.5 };
    expect(check([atLeast], values(['tax', 'done', 999]))[0]?.message).toBe('Dòng "Thu thuế": Thực hiện (999) phải lớn hơn hoặc bằng 1.000,5.');
  });

  it('requires a value in each listed row', () => {
    const required: Rule = { id: 'need', severity: 'error', type: 'required', rows: ['budget', 'tax'], target: "col('done')" };
    expect(check([required], values(['budget', 'done', 0]))).toEqual([
      { row: 'tax', col: 'done', code: 'need', severity: 'error', message: 'Dòng "Thu thuế": Thực hiện không được để trống.' },
    ]);
  });

  it('gives the same issues whether the full grid is passed in or computed', () => {
    const ct = withRules(range);
    const ctx = monthly('202406', { '202406': values(['budget', 'done', 50], ['budget', 'plan', 100]) });
    expect(checkRules(ct, ctx, computeReport(ct, ctx))).toEqual(checkRules(ct, ctx));
  });
});

describe('formatNumberVi', () => {
  it.each<[number, string]>([
    [0, '0'],
    [12, '12'],
    [1234, '1.234'],
    [287752, '287.752'],
    [1234567.891, '1.234.567,891'],
    [-1500.5, '-1.500,5'],
    [0.1 + 0.2, '0,3'],
    [98.0, '98'],
  ])('%d → %s', (n, text) => {
    expect(formatNumberVi(n)).toBe(text);
  });
});
