// Splits a formula into tokens, each with its character offset for error messages.

export type Token =
  | { kind: 'number'; value: number; text: string; offset: number }
  | { kind: 'string'; value: string; text: string; offset: number }
  | { kind: 'ident'; text: string; offset: number }
  | { kind: 'op'; text: string; offset: number }
  | { kind: 'end'; text: ''; offset: number };

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

// Longest operators first so '<=' is not read as '<' then '='.
const OPERATORS = ['<>', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '(', ')', ','];
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/\d/.test(ch)) {
      NUMBER.lastIndex = i;
      const text = NUMBER.exec(source)?.[0] ?? ch;
      tokens.push({ kind: 'number', value: Number(text), text, offset: i });
      i += text.length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { value, end } = readString(source, i, ch);
      tokens.push({ kind: 'string', value, text: source.slice(i, end), offset: i });
      i = end;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(source)?.[0];
    if (ident !== undefined) {
      tokens.push({ kind: 'ident', text: ident, offset: i });
      i += ident.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op === undefined) throw new FormulaSyntaxError(`unexpected character '${ch}' at ${i}`, i);
    tokens.push({ kind: 'op', text: op, offset: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/** A quote inside a string is written twice, as in SQL and Excel: 'Hộ ''tịch'''. */
function readString(source: string, start: number, quote: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === quote) {
      if (source.charAt(i + 1) !== quote) return { value, end: i + 1 };
      i++;
    }
    value += ch;
    i++;
  }
  throw new FormulaSyntaxError(`unterminated string starting at ${start}: add the closing ${quote}`, start);
}
