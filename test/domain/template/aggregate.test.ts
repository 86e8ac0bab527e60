// aggregateInputs: units' inputs combined by row aggregation; ratios recomputed from the summed parts.
import { describe, expect, it } from 'vitest';
import { aggregateInputs } from '../../../domain/template/aggregate';
import { computeReport } from '../../../domain/template/evaluator';
import { at, compile, monthly, values } from './fixtures';

describe('aggregateInputs', () => {
  it('makes a province ratio the ratio of summed parts: 97/100 and 50/50 give 147/150 = 98%', () => {
    const ct = compile({
      columns: [{ key: 'v', label: 'Thực hiện' }],
      rows: [
        { code: 'computers', label: 'Số máy tính', aggregation: 'last' },
        { code: 'officers', label: 'Số cán bộ', aggregation: 'last' },
        { code: 'rate', label: 'Tỷ lệ máy tính/cán bộ', valueType: 'percent', decimals: 1, aggregation: 'formula', formula: "row('computers') / row('officers') * 100" },
      ],
    });
    const commune = values(['computers', 'v', 97], ['officers', 'v', 100]);
    const district = values(['computers', 'v', 50], ['officers', 'v', 50]);
    expect(at(computeReport(ct, monthly('202109', { '202109': commune })), 'rate', 'v')).toBe(97);
    const province = aggregateInputs(ct, [commune, district]);
    expect(province).toEqual(values(['computers', 'v', 147], ['officers', 'v', 150]));
    expect(at(computeReport(ct, monthly('202109', { '202109': province })), 'rate', 'v')).toBe(98);
  });

  it('combines each row by its aggregation, and carries no text, none or computed cell', () => {
    const ct = compile({
      columns: [{ key: 'v', label: 'Giá trị', valueType: 'decimal' }, { key: 'note', label: 'Ghi chú', valueType: 'text' }],
      rows: [
        { code: 'flow', label: 'Số lượt' },
        { code: 'stock', label: 'Dân số', aggregation: 'last' },
        { code: 'avg', label: 'Giá bình quân', aggregation: 'average' },
        { code: 'low', label: 'Thấp nhất', aggregation: 'min' },
        { code: 'high', label: 'Cao nhất', aggregation: 'max' },
        { code: 'rank', label: 'Xếp hạng', aggregation: 'none' },
        { code: 'twice', label: 'Gấp đôi', formula: "row('flow') * 2", aggregation: 'formula' },
      ],
    });
    const a = values(['flow', 'v', 1], ['stock', 'v', 100], ['avg', 'v', 2], ['low', 'v', 5], ['high', 'v', 5], ['rank', 'v', 1], ['twice', 'v', 2], ['flow', 'note', 'x']);
    const b = values(['flow', 'v', 2], ['stock', 'v', 50], ['low', 'v', 3], ['high', 'v', 9], ['rank', 'v', 2]);
    const c = values(['avg', 'v', 4]);
    expect(aggregateInputs(ct, [a, b, c])).toEqual(values(['flow', 'v', 3], ['stock', 'v', 150], ['avg', 'v', 3], ['low', 'v', 3], ['high', 'v', 9]));
  });

  it('leaves a cell empty when no unit has a value, and gives an empty map for no units', () => {
    const ct = compile({ columns: [{ key: 'v', label: 'V' }], rows: [{ code: '1', label: 'Một' }, { code: '2', label: 'Hai' }] });
    expect(aggregateInputs(ct, [values(['1', 'v', 0]), values()])).toEqual(values(['1', 'v', 0]));
    expect(aggregateInputs(ct, [])).toEqual(new Map());
  });
});
