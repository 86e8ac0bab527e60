// The compiled form of a template version: what the grid, evaluator, rules and aggregation work from.
import type { Aggregation, Column, Row, Rule, TemplateFile, ValueType } from '../../schema/template';
import type { Expr } from '../formula/ast';
import type { ViewTransform } from '../formula/references';

/** A mistake in a template file, in English for the template author; the loader prefixes the file name. */
export interface TemplateProblem {
  /** Where in the file, e.g. 'rows[12].formula' or 'rules[3].left'. */
  path: string;
  message: string;
  fix: string;
}

export type CellKind = 'input' | 'computed' | 'disabled';

export interface CellSpec {
  readonly row: string;
  readonly col: string;
  /** cellKey(row, col) */
  readonly key: string;
  readonly kind: CellKind;
  readonly valueType: ValueType;
  readonly decimals: number;
  readonly aggregation: Aggregation;
  readonly min?: number;
  readonly max?: number;
  /** Source of the formula that computes the cell, and where it is written in the file. */
  readonly formula?: string;
  readonly formulaPath?: string;
}

/** A current cell: rules written with col() are checked per row, with row() per column. */
export interface RuleScope {
  readonly row?: string;
  readonly col?: string;
}

export interface CompiledRule {
  readonly rule: Rule;
  /** 'rules[3]' */
  readonly path: string;
  /** The left side of a compare rule, or the target of a range or required rule. */
  readonly left: Expr;
  readonly right?: Expr;
  /** Every current cell the rule is checked at, decided once at compile time. */
  readonly scopes: readonly RuleScope[];
}

/** Which other periods a report reads, so the caller can load them in one query. */
export interface TemporalUse {
  readonly prev: boolean;
  readonly lastYear: boolean;
  readonly ytd: boolean;
  /** The most prev() / lastYear() steps stacked on one read (prev(prev(x)) is 2). */
  readonly maxPrevDepth: number;
  readonly maxLastYearDepth: number;
  /** Every view transform any formula or rule reads under, the identity excluded. */
  readonly transforms: readonly ViewTransform[];
}

export interface CompiledTemplate {
  readonly file: TemplateFile;
  readonly dataRows: readonly Row[];
  readonly columns: readonly Column[];
  /** Every data cell, row by row. */
  readonly cells: readonly CellSpec[];
  readonly inputCells: readonly CellSpec[];
  /** Computed cells in an order where each comes after the cells of the same period it reads. */
  readonly computedCells: readonly CellSpec[];
  readonly rules: readonly CompiledRule[];
  readonly temporal: TemporalUse;
  cell(row: string, col: string): CellSpec | undefined;
  row(code: string): Row | undefined;
  column(key: string): Column | undefined;
  /**
   * The input cell a row of a generated list would have, whether or not the list is written out in this
   * compiled form ("III.05977" under list row "III"): how the roll-up carries rows it does not list.
   */
  listCell(row: string, col: string): CellSpec | undefined;
  /** Whether the template has generated lists (listCell can answer). */
  readonly hasGeneratedLists: boolean;
  /** The parsed formula of a computed cell, by cell key. */
  formulaOf(key: string): Expr | undefined;
  /** The rows sumRows(from, to) adds up (see parser.ts). */
  rowsBetween(from: string, to: string): readonly string[];
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; problems: TemplateProblem[] };
