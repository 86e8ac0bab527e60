import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coarserPeriod, combinePeriods } from '../../../domain/rollup/period-rollup';
import { addPartials, contributionOf, type Partials, toSteps, valuesOfPartials } from '../../../domain/rollup/partials';
import { aggregateInputs } from '../../../domain/template/aggregate';
import { cellKey, type CellValues } from '../../../domain/template/cell-key';
import { compile } from '../template/fixtures';

const ct = compile({
  columns: [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'B', valueType: 'decimal', decimals: 2 },
  ],
  rows: [
    { code: 's', label: 'Tổng', aggregation: 'sum' },
    { code: 'l', label: 'Tồn', aggregation: 'last' },
    { code: 'v', label: 'Bình quân', aggregation: 'average' },
    { code: 'lo', label: 'Thấp nhất', aggregation: 'min' },
    { code: 'hi', label: 'Cao nhất', aggregation: 'max' },
    { code: 'n', label: 'Không cộng', aggregation: 'none' },
  ],
});

const unit = fc.dictionary(
  fc.constantFrom(...ct.inputCells.map((c) => c.key)),
  fc.integer({ min: -99_999, max: 99_999 }),
);
const toValues = (cells: Record<string, number>): CellValues =>
  new Map(Object.entries(cells).map(([k, n]) => [k, k.endsWith('|b') ? n / 100 : n]));

describe('exact partials', () => {
  it('rounds to steps exactly as SQLite ROUND does: half away from zero', () => {
    expect([toSteps(12.34, 100), toSteps(-12.34, 100), toSteps(0.5, 1), toSteps(-0.5, 1), toSteps(2.675, 100)]).toEqual([1234, -1234, 1, -1, 268]);
  });

  it('give what aggregateInputs gives over every unit, for each aggregation', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), (units) => {
        const values = units.map(toValues);
        const partials = values.reduce<Partials>((acc, v) => addPartials(acc, contributionOf(ct, v)), new Map());
        const got = valuesOfPartials(ct, partials);
        const expected = aggregateInputs(ct, values);
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, value] of expected) {
          // Averages come at the cell's decimals (0 in column a, 2 in column b).
          const step = key.startsWith('v|') ? (key.endsWith('|b') ? 0.01 : 1) : 0;
          expect(Math.abs(Number(got.get(key)) - Number(value))).toBeLessThanOrEqual(step / 2 + 1e-9);
        }
      }),
    );
  });

  it('taken away again leave the sums and counts exactly as they were', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 2, maxLength: 12 }), (units) => {
        const parts = units.map((u) => contributionOf(ct, toValues(u)));
        const all = parts.reduce<Partials>((acc, p) => addPartials(acc, p), new Map());
        const negated = new Map([...parts[0]!].map(([k, p]) => [k, { ...p, sum: -p.sum, count: -p.count }]));
        const rest = parts.slice(1).reduce<Partials>((acc, p) => addPartials(acc, p), new Map());
        const back = addPartials(new Map([...all].map(([k, p]) => [k, { ...p }])), negated);
        for (const [key, p] of rest) expect([back.get(key)!.sum, back.get(key)!.count]).toEqual([p.sum, p.count]);
      }),
    );
  });
});

describe('period roll-ups', () => {
  it('tile a quarter with three months and a Decree 09 year with twelve; refuse what the form cannot tile', () => {
    const monthly = { frequency: 'monthly', calendar: 'decree09' } as const;
    expect(coarserPeriod(monthly, '2025Q3')!.members.map((p) => p.id)).toEqual(['202507', '202508', '202509']);
    expect(coarserPeriod(monthly, '2025')!.members).toHaveLength(12);
    expect(coarserPeriod(monthly, '2025N9')!.members.map((p) => p.id).at(-1)).toBe('202509');
    expect(coarserPeriod({ frequency: 'six-monthly', calendar: 'decree09' }, '2025Q1')).toBeUndefined();
  });

  it('add flows and take the last value of stocks over the periods', () => {
    const months = [new Map([[cellKey('s', 'a'), 1], [cellKey('l', 'a'), 10]]), undefined, new Map([[cellKey('s', 'a'), 2], [cellKey('l', 'a'), 12]])];
    const q = combinePeriods(ct, months)!;
    expect([q.get(cellKey('s', 'a')), q.get(cellKey('l', 'a'))]).toEqual([3, 12]);
    expect(combinePeriods(ct, [undefined, undefined])).toBeUndefined();
  });
});
