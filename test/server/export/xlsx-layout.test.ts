// The pieces of the Excel layout that come from the template alone, and the Vietnamese wording helpers.
import { describe, expect, it } from 'vitest';
import type { Column } from '../../../schema/template';
import { formLayout, groupCells, numberFormat } from '../../../server/export/xlsx-layout';
import { createSheetNamer, periodLine, placeAndDate } from '../../../server/export/xlsx-text';
import { bieu06Data, NESTED_TEMPLATE, nestedData } from './export-fixtures';

const column = (key: string, group?: string[]): Column => ({ key, label: key.toUpperCase(), ...(group ? { group } : {}) });
const unit = (code: string, name: string) => ({ code, name, level: 'commune', parentCode: '20' });

describe('groupCells', () => {
  it('merges a group only over adjacent columns sharing the whole prefix, not the same label', () => {
    const cells = groupCells(
      [column('a', ['X', 'Trong đó']), column('b', ['X', 'Trong đó']), column('c', ['Y', 'Trong đó']), column('d'), column('e', ['X'])],
      3,
    );
    expect(cells).toEqual([
      { text: 'X', top: 0, bottom: 0, left: 3, right: 4 },
      { text: 'Y', top: 0, bottom: 0, left: 5, right: 5 },
      { text: 'X', top: 0, bottom: 0, left: 7, right: 7 },
      { text: 'Trong đó', top: 1, bottom: 1, left: 3, right: 4 },
      { text: 'Trong đó', top: 1, bottom: 1, left: 5, right: 5 },
    ]);
  });
});

describe('formLayout', () => {
  it('puts one shared unit above the table (Biểu 06) and a unit column when rows differ', () => {
    const bieu06 = formLayout(bieu06Data().compiled);
    expect(bieu06.showUnitColumn).toBe(false);
    expect(bieu06.unitLine).toBe('Đơn vị tính: Số hồ sơ TTHC');
    expect(bieu06.headerDepth).toBe(3);
    expect(bieu06.firstDataColumn).toBe(3);
    const nested = formLayout(nestedData().compiled);
    expect(nested.showUnitColumn).toBe(true);
    expect(nested.unitLine).toBeUndefined();
    expect(nested.headerDepth).toBe(4);
    expect(nested.labelColumns.map((c) => c.heading)).toEqual(['STT', 'Nội dung', 'Đơn vị tính']);
    expect(NESTED_TEMPLATE.columns.length + 3).toBe(nested.columnCount);
  });
});

describe('numberFormat', () => {
  it.each([
    ['integer', 0, '#,##0'],
    ['decimal', 2, '#,##0.00'],
    ['decimal', 0, '#,##0'],
    ['percent', 1, '0.0'],
    ['percent', 0, '0'],
    ['text', 0, '@'],
  ] as const)('%s with %d places is %s', (valueType, decimals, format) => {
    expect(numberFormat({ valueType, decimals })).toBe(format);
  });
});

describe('wording', () => {
  it('prints the period window and the signing date in Viet Nam time', () => {
    expect(periodLine({ start: '2024-12-15', end: '2025-03-14' })).toBe('(Từ ngày 15/12/2024 đến ngày 14/03/2025)');
    expect(placeAndDate(new Date('2025-12-31T17:00:00Z'))).toBe('Lạng Sơn, ngày 01 tháng 01 năm 2026');
  });

  it('names unit sheets uniquely, ignoring case, never as the summary sheet, cut at 31 characters', () => {
    const name = createSheetNamer();
    expect(name(unit('05977', 'Phường Đông Kinh'))).toBe('05977 Đông Kinh');
    expect(name(unit('05977', 'Phường đông kinh'))).toBe('05977 đông kinh (2)');
    expect(name(unit('06187', 'Xã */?: Kỳ Lừa'))).toBe('06187 Kỳ Lừa');
    const long = name(unit('06004', 'Xã Một cái tên rất rất dài để thử giới hạn'));
    expect(long).toBe('06004 Một cái tên rất rất dài đ');
    expect(long.length).toBe(31);
    expect(name(unit('06004', 'Xã Một cái tên rất rất dài để thử giới hạn'))).toBe('06004 Một cái tên rất rất d (2)');
    expect(createSheetNamer()(unit('Tổng hợp', ''))).toBe('Tổng hợp (2)');
  });
});
