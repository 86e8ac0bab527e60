// The formula parser: precedence, literals, errors with offsets, and print/parse round trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Expr } from '../../../domain/formula/ast';
import { parseFormula } from '../../../domain/formula/parser';
import { printFormula } from '../../../domain/formula/printer';

function parse(source: string): Expr {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

/** Fully parenthesised, to make the tree's shape visible. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'unary':
      return `(${e.op === 'not' ? 'not ' : '-'}${shape(e.operand)})`;
    case 'call':
      return `${e.fn}(${e.args.map(shape).join(', ')})`;
    default:
      return printFormula(e);
  }
}

function withoutOffsets(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === 'offset' ? undefined : v)));
}

describe('parseFormula precedence', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['-2 * 3', '((-2) * 3)'],
    ['--2', '(-(-2))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['1 + 2 = 3', '((1 + 2) = 3)'],
    ['true or false and false', '(true or (false and false))'],
    ['not 1 = 2 and true', '((not (1 = 2)) and true)'],
    ['not not true', '(not (not true))'],
    ["col('a') >= row('1') or isBlank(cell('1', 'b'))", "((col('a') >= row('1')) or isBlank(cell('1', 'b')))"],
  ])('%s parses as %s', (source, expected) => {
    expect(shape(parse(source))).toBe(expected);
  });

  it("reads '!=' as '<>' and keywords in any case", () => {
    expect(shape(parse('1 != 2 AND NOT False Or NULL = Null'))).toBe('(((1 <> 2) and (not false)) or (null = null))');
  });

  it('reads numbers with decimals and exponents, and strings in either quote with doubled quotes inside', () => {
    expect(parse('12.5')).toMatchObject({ type: 'number', value: 12.5 });
    expect(parse('1e3')).toMatchObject({ type: 'number', value: 1000 });
    expect(parse("'it''s'")).toMatchObject({ type: 'string', value: "it's" });
    expect(parse('"Hộ ""tịch"""')).toMatchObject({ type: 'string', value: 'Hộ "tịch"' });
  });

  it('builds reference nodes from the reference functions, with the optional column of sumRows', () => {
    expect(parse("sumRows('01', '20')")).toMatchObject({ type: 'sumRows', from: '01', to: '20' });
    expect(parse("sumRows('01', '20', 'total')")).toMatchObject({ type: 'sumRows', col: 'total' });
    expect(parse("cell('1.2', 'online')")).toMatchObject({ type: 'cell', row: '1.2', col: 'online' });
  });

  it('records the offset of each node', () => {
    const e = parse("1 + col('a')");
    expect(e).toMatchObject({ type: 'binary', offset: 2, left: { offset: 0 }, right: { type: 'col', offset: 4 } });
  });
});

describe('parseFormula errors', () => {
  it.each([
    ['sum(1, 2', "expected ')' at 8, found the end of the formula", 8],
    ["if(col('a') > 1, 2 3)", "expected ')' at 19, found '3'", 19],
    ["sumrow('1', '2')", "unknown function 'sumrow' at 0 — did you mean 'sumRows'?", 0],
    ["1 + lastyear(col('a'))", "unknown function 'lastyear' at 4 — did you mean 'lastYear'?", 4],
    ['1 + total', "unknown name 'total' at 4", 4],
    ['1 +', 'expected a value at 3, found the end of the formula', 3],
    ['(1 + 2', "expected ')' at 6", 6],
    ['1 + 2)', "unexpected ')' at 5", 5],
    ['1 < 2 < 3', "unexpected '<' at 6 — comparisons cannot be chained; join them with 'and'", 6],
    ['1 # 2', "unexpected character '#' at 2", 2],
    ["'open", 'unterminated string starting at 0', 0],
    ["cell('1')", "cell() takes 2 arguments, got 1, at 0: write cell('rowCode', 'colKey')", 0],
    ['sum()', 'sum() takes at least 1 argument', 0],
    ["sumRows('1')", 'sumRows() takes 2 or 3 arguments, got 1', 0],
    ["cell(1, 'a')", "cell() takes quoted codes at 5: write cell('rowCode', 'colKey')", 5],
    ["col('a' + 'b')", 'col() takes quoted codes at 4', 4],
    ['prev', "expected '(' after 'prev' at 4", 4],
    ['', 'expected a value at 0, found the end of the formula', 0],
  ])('%j fails with "%s" at offset %i', (source, message, offset) => {
    const result = parseFormula(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain(message);
      expect(result.error.offset).toBe(offset);
    }
  });
});

describe('printFormula', () => {
  it('prints only the parentheses the grammar needs', () => {
    expect(printFormula(parse('((1 + (2 * 3))) - (4 - 5)'))).toBe('1 + 2 * 3 - (4 - 5)');
    expect(printFormula(parse('-(1 + 2)'))).toBe('-(1 + 2)');
    expect(printFormula(parse('(1 = 2) = (3 < 4)'))).toBe('(1 = 2) = (3 < 4)');
    expect(printFormula(parse('not (true and false)'))).toBe('not (true and false)');
  });

  const code = fc.string({ maxLength: 6 });
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.double({ min: 0, max: 1e25, noNaN: true }).map((value): Expr => ({ type: 'number', value: value === 0 ? 0 : value, offset: 0 })),
    fc.string({ maxLength: 8 }).map((value): Expr => ({ type: 'string', value, offset: 0 })),
    fc.boolean().map((value): Expr => ({ type: 'boolean', value, offset: 0 })),
    fc.constant<Expr>({ type: 'null', offset: 0 }),
    fc.tuple(code, code).map(([row, col]): Expr => ({ type: 'cell', row, col, offset: 0 })),
    code.map((col): Expr => ({ type: 'col', col, offset: 0 })),
    code.map((row): Expr => ({ type: 'row', row, offset: 0 })),
    fc.tuple(code, code, fc.option(code, { nil: undefined })).map(([from, to, col]): Expr =>
      col === undefined ? { type: 'sumRows', from, to, offset: 0 } : { type: 'sumRows', from, to, col, offset: 0 },
    ),
  );
  const ops: BinaryOp[] = ['or', 'and', '=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/'];
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom<'-' | 'not'>('-', 'not'), tie('expr')).map(([op, operand]): Expr => ({ type: 'unary', op, operand, offset: 0 })),
      fc.tuple(fc.constantFrom(...ops), tie('expr'), tie('expr')).map(([op, left, right]): Expr => ({ type: 'binary', op, left, right, offset: 0 })),
      fc.tuple(fc.constantFrom('sum', 'max', 'coalesce') , fc.array(tie('expr'), { minLength: 2, maxLength: 3 })).map(([fn, args]): Expr => ({ type: 'call', fn, args, offset: 0 })),
      fc.tuple(fc.constantFrom('prev', 'lastYear', 'ytd', 'abs', 'isBlank'), tie('expr')).map(([fn, a]): Expr => ({ type: 'call', fn, args: [a], offset: 0 })),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]): Expr => ({ type: 'call', fn: 'if', args: [c, a, b], offset: 0 })),
    ),
  }));

  it('parsing a printed tree gives the same tree back (property)', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const printed = printFormula(tree);
        expect(withoutOffsets(parse(printed))).toEqual(withoutOffsets(tree));
        expect(printFormula(parse(printed))).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });
});
