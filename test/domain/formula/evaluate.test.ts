// Formula semantics: empty cells, division by zero, comparisons, logic, and the built-in functions.
import { describe, expect, it } from 'vitest';
import type { TemporalFunction } from '../../../domain/formula/ast';
import { evaluate, type EvalHost } from '../../../domain/formula/evaluate';
import { parseFormula } from '../../../domain/formula/parser';
import type { Value } from '../../../domain/formula/values';

// A grid of one column 'v' over rows r1..r4 ('r3' empty, 'r4' text), in periods 'now' and 'before'.
const cells: Record<string, Record<string, Value>> = {
  now: { 'r1.v': 10, 'r2.v': 4, 'r4.v': 'ghi chú' },
  before: { 'r1.v': 7 },
};
const host: EvalHost<string> = {
  read: (row, col, view) => cells[view]?.[`${row}.${col}`] ?? null,
  rowsBetween: (from, to) => ['r1', 'r2', 'r3', 'r4'].slice(Number(from.slice(1)) - 1, Number(to.slice(1))),
  shift: (view, fn: TemporalFunction) => (fn === 'prev' && view === 'now' ? 'before' : fn === 'ytd' ? view : undefined),
};

function run(source: string): Value {
  const parsed = parseFormula(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluate(parsed.expr, host, { view: 'now', row: 'r1', col: 'v' });
}

describe('evaluate', () => {
  it.each<[string, Value]>([
    ['1 + 2 * 3', 7],
    ['7 / 2', 3.5],
    ["row('r1') + row('r2')", 14],
    ["col('v')", 10],
    ["cell('r2', 'v') * 2", 8],
  ])('%s = %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each<[string, Value]>([
    ["row('r3') + 1", null],
    ["-row('r3')", null],
    ["row('r1') / 0", null],
    ["row('r1') / row('r3')", null],
    ["row('r4') * 2", null],
    ["row('r3') = 0", null],
    ["row('r3') <> 1", null],
    ["not (row('r3') > 1)", null],
  ])('an empty operand, a text in arithmetic or a division by zero gives empty: %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each<[string, Value]>([
    ["if(row('r3') > 1, 'yes', 'no')", 'no'],
    ["if(row('r3') < 1, 'yes', 'no')", 'no'],
    ["row('r3') > 1 or true", true],
    ["row('r3') > 1 and true", false],
    ["if(row('r1') > 5 and row('r2') < 5, 1, 2)", 1],
    ["if(row('r1'), 'non-zero is true', 'x')", 'non-zero is true'],
    ['if(0, 1, 2)', 2],
  ])('empty counts as false in if/and/or: %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each<[string, Value]>([
    ['0.1 + 0.2 = 0.3', true],
    ["'a' = 'a'", true],
    ["'a' = 1", false],
    ["'a' <> 1", true],
    ["'a' < 1", null],
    ['2 >= 2', true],
    ['2 > 2', false],
    ['null = null', null],
  ])('comparison %s = %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each<[string, Value]>([
    ["sum(row('r1'), row('r3'), row('r4'), 1)", 11],
    ["sum(row('r3'))", null],
    ["avg(row('r1'), row('r2'), row('r3'))", 7],
    ["min(row('r1'), row('r2'), row('r3'))", 4],
    ["max(row('r1'), row('r2'))", 10],
    ["sumRows('r1', 'r4')", 14],
    ["sumRows('r3', 'r4')", null],
    ["sumRows('r1', 'r2', 'v')", 14],
    ['round(2.345, 2)', 2.35],
    ['round(1.005, 2)', 1.01],
    ['round(-2.5, 0)', -3],
    ['round(1234, -2)', 1200],
    ['round(1.5, 0.5)', null],
    ['abs(0 - 3)', 3],
    ["coalesce(row('r3'), row('r2'))", 4],
    ["coalesce(row('r3'), null)", null],
    ["isBlank(row('r3'))", true],
    ["isBlank(row('r1'))", false],
    ["prev(row('r1'))", 7],
    ["prev(row('r2'))", null],
    ["lastYear(row('r1'))", null],
    ["prev(prev(row('r1')))", null],
    ["row('r1') - prev(row('r1'))", 3],
  ])('function %s = %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});
