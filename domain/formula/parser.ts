// Parses template formulas into a syntax tree; the grammar below is the contract for template authors.
/*
 * THE FORMULA LANGUAGE
 *
 *   expr    := or
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | cmp
 *   cmp     := add (('=' | '<>' | '!=' | '<' | '<=' | '>' | '>=') add)?     -- no chains: a < b < c is an error
 *   add     := mul (('+' | '-') mul)*
 *   mul     := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | 'string' | "string" | null | true | false
 *            | ident '(' args? ')' | '(' expr ')'
 *   args    := expr (',' expr)*
 *
 * Lexical: numbers are 12, 12.5, 1e3 (no sign: -3 is unary minus). Strings use ' or ", a quote inside is
 * doubled ('it''s'). Keywords (and, or, not, null, true, false) are case-insensitive; function names are
 * not. '!=' is the same as '<>'. Whitespace is free. Error offsets are 0-based character offsets.
 *
 * Functions (arity checked here; reference arguments must be string literals):
 *   cell('rowCode', 'colKey')        a cell of this period
 *   col('colKey')                    this row, that column
 *   row('rowCode')                   this column, that row
 *   sumRows('from', 'to'[, 'colKey'])  data rows from..to inclusive, in template order, this column unless
 *                                    given; header rows, disabled cells and "Trong đó" rows (partOf a row
 *                                    also in the range, already counted in it) are skipped
 *   sum(e, …) avg(e, …) min(e, …) max(e, …)   skip empty arguments; all empty → empty
 *   if(cond, a, b)   round(e, digits)   abs(e)   coalesce(e, fallback, …)   isBlank(e)
 *   prev(e)          e in the previous period
 *   lastYear(e)      e in the same period last year
 *   ytd(e)           e over the periods of the year up to this one (lũy kế từ đầu năm): an input cell's
 *                    values combined by its row's aggregation (sum adds, last takes the latest value — stocks —,
 *                    average/min/max, none → empty); a computed cell's formula over ytd values, so the ytd of
 *                    a ratio is the ratio of ytd sums. The three compose: ytd(prev(x)) = prev(ytd(x)) is the
 *                    year to date of the previous period. A period without a report reads as empty.
 *   round(e, digits) half away from zero; digits an integer from -10 to 10
 *
 * The template compiler refuses formulas that form a cycle in one period (ytd() counts, as it includes the
 * current period) and formulas that reach their own value through prev()/lastYear() (a running balance
 * would depend on the unit's whole history): make the opening value an input cell instead.
 *
 * Values: numbers, texts, true/false and empty (a blank cell, or null). Arithmetic and comparison with an
 * empty operand give empty, so does division by zero; text in arithmetic counts as empty. Empty counts as
 * false in if/and/or (non-zero numbers and non-blank texts are true); not(empty) is empty. Numbers are equal
 * within a relative 1e-9, so 0.1 + 0.2 = 0.3. A number never equals a text, and the two have no order.
 * A computed cell stores its result rounded to the cell's decimals (half away from zero), true/false as 1/0.
 */
import type { BinaryOp, Expr } from './ast';
import { buildCall, FUNCTION_NAMES, isFunctionName } from './functions';
import { FormulaSyntaxError, tokenize, type Token } from './lexer';
import { didYouMean } from './nearest';

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: { message: string; offset: number } };

export function parseFormula(source: string): ParseResult {
  try {
    const parser = new Parser(tokenize(source));
    const expr = parser.expression();
    parser.expectEnd();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

const COMPARISONS: Readonly<Record<string, BinaryOp>> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(): Expr {
    return this.or();
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind === 'end') return;
    const hint = t.text in COMPARISONS ? " — comparisons cannot be chained; join them with 'and'" : '';
    throw new FormulaSyntaxError(`unexpected ${describe(t)} at ${t.offset}${hint}`, t.offset);
  }

  private or(): Expr {
    let left = this.and();
    while (this.isKeyword('or')) {
      const offset = this.next().offset;
      left = { type: 'binary', op: 'or', left, right: this.and(), offset };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isKeyword('and')) {
      const offset = this.next().offset;
      left = { type: 'binary', op: 'and', left, right: this.not(), offset };
    }
    return left;
  }

  private not(): Expr {
    if (this.isKeyword('not')) {
      const offset = this.next().offset;
      return { type: 'unary', op: 'not', operand: this.not(), offset };
    }
    return this.cmp();
  }

  private cmp(): Expr {
    const left = this.add();
    const t = this.peek();
    const op = t.kind === 'op' ? COMPARISONS[t.text] : undefined;
    if (op === undefined) return left;
    this.next();
    return { type: 'binary', op, left, right: this.add(), offset: t.offset };
  }

  private add(): Expr {
    let left = this.mul();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.mul(), offset: t.offset };
    }
    return left;
  }

  private mul(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.unary(), offset: t.offset };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.next();
      return { type: 'unary', op: '-', operand: this.unary(), offset: t.offset };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value, offset: t.offset };
      case 'string':
        return { type: 'string', value: t.value, offset: t.offset };
      case 'ident':
        return this.identifier(t);
      case 'op':
        if (t.text === '(') {
          const inner = this.expression();
          this.expectOp(')');
          return inner;
        }
        break;
      case 'end':
        break;
    }
    throw new FormulaSyntaxError(`expected a value at ${t.offset}, found ${describe(t)}`, t.offset);
  }

  private identifier(t: Extract<Token, { kind: 'ident' }>): Expr {
    const word = t.text.toLowerCase();
    if (word === 'null') return { type: 'null', offset: t.offset };
    if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true', offset: t.offset };
    const following = this.peek();
    const isCall = following.kind === 'op' && following.text === '(';
    if (!isFunctionName(t.text)) {
      const what = isCall ? 'function' : 'name';
      const hint = didYouMean(t.text, FUNCTION_NAMES) || (isCall ? '' : " — read a cell with cell('row', 'col'), col('col') or row('row')");
      throw new FormulaSyntaxError(`unknown ${what} '${t.text}' at ${t.offset}${hint}`, t.offset);
    }
    if (!isCall) throw new FormulaSyntaxError(`expected '(' after '${t.text}' at ${following.offset}`, following.offset);
    this.next();
    const args = this.arguments();
    return buildCall(t.text, args, t.offset);
  }

  private arguments(): Expr[] {
    const args: Expr[] = [];
    if (this.isOp(')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.expression());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')');
    return args;
  }

  private expectOp(text: string): void {
    const t = this.peek();
    if (!(t.kind === 'op' && t.text === text)) {
      throw new FormulaSyntaxError(`expected '${text}' at ${t.offset}, found ${describe(t)}`, t.offset);
    }
    this.next();
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: 'end', text: '', offset: 0 };
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the formula' : `'${t.text}'`;
}
