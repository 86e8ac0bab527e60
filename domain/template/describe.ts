// Renders a rule's expression in Vietnamese for messages: cells by label, periods in words.
import type { BinaryOp, Expr } from '../formula/ast';
import { forEachRef } from '../formula/references';
import { printFormula } from '../formula/printer';
import { formatNumberVi } from './format-vi';
import { columnLabel, rowLabel } from './labels';
import type { CompiledTemplate, RuleScope } from './types';

const PERIOD_WORDS = { prev: 'kỳ trước', lastYear: 'cùng kỳ năm trước', ytd: 'lũy kế từ đầu năm' } as const;
const OP_TEXT: Partial<Record<BinaryOp, string>> = { '*': '×', and: 'và', or: 'hoặc' };
const opText = (op: BinaryOp): string => OP_TEXT[op] ?? op;

/**
 * In a rule checked row by row, a cell of the current row is named by its column label alone (the
 * message starts with the row); likewise a cell of the current column by its row label.
 */
export function describeExpr(ct: CompiledTemplate, expr: Expr, scope: RuleScope): string {
  const cell = (row: string, col: string): string => {
    if (row === scope.row) return columnLabel(ct, col);
    if (col === scope.col) return `"${rowLabel(ct, row)}"`;
    return `${columnLabel(ct, col)} của "${rowLabel(ct, row)}"`;
  };
  const leaf = (e: Expr): string | undefined => {
    switch (e.type) {
      case 'number':
        return formatNumberVi(e.value);
      case 'string':
        return `"${e.value}"`;
      case 'cell':
        return cell(e.row, e.col);
      case 'col':
        return scope.row === undefined ? undefined : cell(scope.row, e.col);
      case 'row':
        return scope.col === undefined ? undefined : cell(e.row, scope.col);
      case 'sumRows': {
        const col = e.col ?? scope.col;
        const rows = `tổng các dòng từ "${rowLabel(ct, e.from)}" đến "${rowLabel(ct, e.to)}"`;
        return col === undefined || col === scope.col ? rows : `${rows} của cột "${columnLabel(ct, col)}"`;
      }
      case 'call': {
        if (e.fn !== 'prev' && e.fn !== 'lastYear' && e.fn !== 'ytd') return undefined;
        const inner = e.args[0];
        if (inner === undefined) return undefined;
        const text = printFormula(inner, leaf, opText);
        const simple = inner.type === 'cell' || inner.type === 'col' || inner.type === 'row' || inner.type === 'sumRows';
        return `${simple ? text : `(${text})`} ${PERIOD_WORDS[e.fn]}`;
      }
      default:
        return undefined;
    }
  };
  return printFormula(expr, leaf, opText);
}

/** The cell a rule's issue marks in the grid: the first cell the expression reads, in the current row if any. */
export function firstCell(ct: CompiledTemplate, expr: Expr, scope: RuleScope): { row: string; col: string } | undefined {
  const cells: { row: string; col: string }[] = [];
  const add = (row: string | undefined, col: string | undefined): void => {
    if (row !== undefined && col !== undefined) cells.push({ row, col });
  };
  forEachRef(expr, (ref) => {
    switch (ref.type) {
      case 'cell':
        return add(ref.row, ref.col);
      case 'col':
        return add(scope.row, ref.col);
      case 'row':
        return add(ref.row, scope.col);
      case 'sumRows':
        return add(ct.rowsBetween(ref.from, ref.to)[0], ref.col ?? scope.col);
    }
  });
  return cells.find((c) => c.row === scope.row) ?? cells[0];
}
