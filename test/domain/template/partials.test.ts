import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateInputs } from '../../../domain/template/aggregate';
import { cellKey, type CellValues } from '../../../domain/template/cell-key';
import { mergePartials, partialsOf, valuesOfPartials } from '../../../domain/template/partials';
import { compile } from './fixtures';

/** Every aggregation across units, a computed ratio row and a text row. */
const ct = compile({
  columns: [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'B', valueType: 'decimal', decimals: 2 },
  ],
  rows: [
    { code: 's', label: 'Tổng', aggregation: 'sum' },
    { code: 'l', label: 'Tồn cuối kỳ', aggregation: 'last' },
    { code: 'v', label: 'Bình quân', aggregation: 'average' },
    { code: 'lo', label: 'Thấp nhất', aggregation: 'min' },
    { code: 'hi', label: 'Cao nhất', aggregation: 'max' },
    { code: 'n', label: 'Không cộng', aggregation: 'none' },
    { code: 'r', label: 'Tỷ lệ', formula: "row('s') / row('l') * 100", aggregation: 'formula' },
    { code: 't', label: 'Ghi chú', valueType: 'text' },
  ],
});

const unitValues = fc.array(
  fc.record({
    cells: fc.subarray(ct.inputCells.filter((c) => c.valueType !== 'text').map((c) => c.key)),
    seed: fc.integer({ min: 0, max: 10_000 }),
  }),
  { maxLength: 12 },
).map((units) =>
  units.map(({ cells, seed }, u): CellValues => {
    const values: CellValues = new Map(cells.map((key, i) => [key, ((seed + i * 37 + u * 11) % 500) - 50]));
    values.set(cellKey('t', 'a'), 'ghi chú');
    return values;
  }),
);

describe('partial aggregates', () => {
  it('give what aggregateInputs gives over the same units, for every aggregation', () => {
    fc.assert(
      fc.property(unitValues, (units) => {
        const viaPartials = valuesOfPartials(ct, partialsOf(units));
        const direct = aggregateInputs(ct, units);
        expect([...viaPartials.keys()].sort()).toEqual([...direct.keys()].sort());
        for (const [key, value] of direct) expect(viaPartials.get(key)).toBeCloseTo(value as number, 9);
      }),
    );
  });

  it('merge like the units they stand for: groups rolled into a parent equal all units at once', () => {
    fc.assert(
      fc.property(unitValues, fc.integer({ min: 0, max: 12 }), (units, cut) => {
        const merged = mergePartials([partialsOf(units.slice(0, cut)), partialsOf(units.slice(cut))]);
        const whole = partialsOf(units);
        expect(valuesOfPartials(ct, merged)).toEqual(valuesOfPartials(ct, whole));
      }),
    );
  });

  it('carry no text, no "none" row and no computed row', () => {
    const values = valuesOfPartials(ct, partialsOf([new Map<string, number | string>([[cellKey('n', 'a'), 5], [cellKey('s', 'a'), 2], [cellKey('t', 'a'), 'x']])]));
    expect([...values]).toEqual([[cellKey('s', 'a'), 2]]);
  });
});
