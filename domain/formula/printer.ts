// Prints a syntax tree back as formula source, with only the parentheses the grammar needs.
import type { BinaryOp, Expr } from './ast';

// Binding strength, loosest first, following the grammar in parser.ts.
const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};
const NOT = 3;
const COMPARISON = 4;
const UNARY_MINUS = 7;
const ATOM = 8;

export function precedence(e: Expr): number {
  if (e.type === 'binary') return PRECEDENCE[e.op];
  if (e.type === 'unary') return e.op === 'not' ? NOT : UNARY_MINUS;
  return ATOM;
}

/**
 * Prints `e`. `leaf` may render some nodes differently and `opText` the operators (rule messages name
 * cells by label and write × for *); the default is formula source that parses back to the same tree.
 */
export function printFormula(e: Expr, leaf?: (e: Expr) => string | undefined, opText: (op: BinaryOp) => string = (op) => op): string {
  const print = (node: Expr): string => leaf?.(node) ?? printNode(node, print, opText);
  return print(e);
}

function printNode(e: Expr, print: (e: Expr) => string, opText: (op: BinaryOp) => string): string {
  switch (e.type) {
    case 'number':
      return String(e.value);
    case 'string':
      return quote(e.value);
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'null';
    case 'unary': {
      const inner = wrap(e.operand, e.op === 'not' ? NOT : UNARY_MINUS, print);
      return e.op === 'not' ? `not ${inner}` : `-${inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      // Left-associative: a right operand of equal strength needs parentheses (a - (b - c)).
      // Comparisons do not chain, so both their operands must bind tighter.
      const left = wrap(e.left, p === COMPARISON ? p + 1 : p, print);
      const right = wrap(e.right, p + 1, print);
      return `${left} ${opText(e.op)} ${right}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(print).join(', ')})`;
    case 'cell':
      return `cell(${quote(e.row)}, ${quote(e.col)})`;
    case 'col':
      return `col(${quote(e.col)})`;
    case 'row':
      return `row(${quote(e.row)})`;
    case 'sumRows':
      return `sumRows(${[e.from, e.to, ...(e.col === undefined ? [] : [e.col])].map(quote).join(', ')})`;
  }
}

function wrap(e: Expr, atLeast: number, print: (e: Expr) => string): string {
  const text = print(e);
  return precedence(e) < atLeast ? `(${text})` : text;
}

function quote(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
