// A template formula as an Excel formula over the cells of the form sheet, so a workbook filled offline
// shows its totals and ratios as the officer types. Formulas that read other periods (prev, lastYear,
// ytd) have no cells in the workbook: they are left out (undefined) and the cell keeps the server's figure.
import type { Expr } from '../../domain/formula/ast';
import type { CompiledTemplate } from '../../domain/template/types';

/** Where a cell of the template sits on the sheet, e.g. 'F12'; undefined for a cell the sheet lacks. */
export type AddressOf = (row: string, col: string) => string | undefined;

const CALLS: Partial<Record<string, string>> = { sum: 'SUM', avg: 'AVERAGE', min: 'MIN', max: 'MAX', if: 'IF', round: 'ROUND', abs: 'ABS' };

class Untranslatable extends Error {}

/**
 * The Excel text of `expr` evaluated at (row, col), wrapped in IFERROR so a division by an empty cell
 * shows blank (as the grid does) rather than #DIV/0!; undefined when Excel cannot compute it.
 */
export function excelFormula(ct: CompiledTemplate, expr: Expr, at: { row: string; col: string }, addressOf: AddressOf): string | undefined {
  const ref = (row: string, col: string): string => {
    const a = addressOf(row, col);
    if (a === undefined) throw new Untranslatable();
    return a;
  };
  const go = (e: Expr): string => {
    switch (e.type) {
      case 'number':
        return String(e.value);
      case 'string':
        return `"${e.value.replace(/"/g, '""')}"`;
      case 'boolean':
        return e.value ? 'TRUE' : 'FALSE';
      case 'null':
        return '""';
      case 'cell':
        return ref(e.row, e.col);
      case 'col':
        return ref(at.row, e.col);
      case 'row':
        return ref(e.row, at.col);
      case 'sumRows': {
        const rows = ct.rowsBetween(e.from, e.to);
        return rows.length === 0 ? '0' : `SUM(${rows.map((r) => ref(r, e.col ?? at.col)).join(',')})`;
      }
      case 'unary':
        return e.op === 'not' ? `NOT(${go(e.operand)})` : `-(${go(e.operand)})`;
      case 'binary':
        if (e.op === 'and' || e.op === 'or') return `${e.op.toUpperCase()}(${go(e.left)},${go(e.right)})`;
        return `(${go(e.left)}${e.op}${go(e.right)})`;
      case 'call': {
        if (e.fn === 'isBlank') return `(${go(e.args[0]!)}&"")=""`;
        if (e.fn === 'coalesce') {
          // coalesce(a, b, c) → IF(a&""<>"",a,IF(b&""<>"",b,c))
          const args = e.args.map(go);
          return args.slice(0, -1).reduceRight((rest, a) => `IF(${a}&""<>"",${a},${rest})`, args.at(-1)!);
        }
        const name = CALLS[e.fn];
        if (!name) throw new Untranslatable();
        return `${name}(${e.args.map(go).join(',')})`;
      }
    }
  };
  try {
    return `IFERROR(${go(expr)},"")`;
  } catch (e) {
    if (e instanceof Untranslatable) return undefined;
    throw e;
  }
}
