// Clipboard text from spreadsheets is read back into the same rows and cells it was copied from.
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../client/grid/tsv';

describe('parseTsv', () => {
  it.each([
    ['1\t2\n3\t4\n', [['1', '2'], ['3', '4']]],
    ['1\t2\r\n3\t4\r\n', [['1', '2'], ['3', '4']]],
    ['1\t\t3', [['1', '', '3']]],
    ['\t\n', [['', '']]],
    ['5', [['5']]],
    ['"a\tb"\t"x ""y"""\n', [['a\tb', 'x "y"']]],
    ['"two\nlines"\t1\n', [['two\nlines', '1']]],
    ['12"5\t3', [['12"5', '3']]],
  ])('reads %j', (text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  it('reads an empty clipboard as no rows', () => {
    expect(parseTsv('')).toEqual([]);
  });
});

describe('toTsv', () => {
  it('writes rows a spreadsheet pastes back cell for cell', () => {
    const rows = [['1.234', ''], ['tab\there', 'say "hi"']];
    const text = toTsv(rows);
    expect(text).toBe('1.234\t\r\n"tab\there"\t"say ""hi"""\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
