// The syntax tree of the template formula language (see parser.ts for the grammar).

export type BinaryOp = 'or' | 'and' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';
export type UnaryOp = '-' | 'not';

/** Functions whose arguments are expressions; the reference functions have node types of their own. */
export const CALL_FUNCTIONS = [
  'sum',
  'avg',
  'min',
  'max',
  'if',
  'round',
  'abs',
  'coalesce',
  'isBlank',
  'prev',
  'lastYear',
  'ytd',
] as const;
export type CallFunction = (typeof CALL_FUNCTIONS)[number];

/** Functions that shift the period an expression is evaluated in. */
export const TEMPORAL_FUNCTIONS = ['prev', 'lastYear', 'ytd'] as const satisfies readonly CallFunction[];
export type TemporalFunction = (typeof TEMPORAL_FUNCTIONS)[number];

// `offset` is the character offset (0-based) where the node starts in the source, for messages.
export type Expr =
  | { type: 'number'; value: number; offset: number }
  | { type: 'string'; value: string; offset: number }
  | { type: 'boolean'; value: boolean; offset: number }
  | { type: 'null'; offset: number }
  | { type: 'unary'; op: UnaryOp; operand: Expr; offset: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; offset: number }
  | { type: 'call'; fn: CallFunction; args: Expr[]; offset: number }
  // References take string literals only, so every cell a formula reads is known before it runs.
  | { type: 'cell'; row: string; col: string; offset: number }
  | { type: 'col'; col: string; offset: number }
  | { type: 'row'; row: string; offset: number }
  | { type: 'sumRows'; from: string; to: string; col?: string; offset: number };

export type RefExpr = Extract<Expr, { type: 'cell' | 'col' | 'row' | 'sumRows' }>;

export function isTemporal(fn: CallFunction): fn is TemporalFunction {
  return (TEMPORAL_FUNCTIONS as readonly string[]).includes(fn);
}
