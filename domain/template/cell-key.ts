// Cell addresses and the value map the evaluator, rules and aggregation exchange.

/** Values of a grid by cellKey(row, col); an absent key is an empty cell. */
export type CellValues = Map<string, number | string>;

// A row code never contains '|' (letters, digits, '.', '_', '-'), so the key splits unambiguously.
const SEPARATOR = '|';

export function cellKey(row: string, col: string): string {
  return `${row}${SEPARATOR}${col}`;
}

export function parseCellKey(key: string): { row: string; col: string } {
  const at = key.lastIndexOf(SEPARATOR);
  return at < 0 ? { row: key, col: '' } : { row: key.slice(0, at), col: key.slice(at + 1) };
}
