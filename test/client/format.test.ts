// vi-VN numbers and dates: what officers type is read sensibly, what they see is written the Vietnamese way.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatTime, parseNumber } from '../../client/format';

describe('formatNumber', () => {
  it.each([
    [1234567.5, undefined, '1.234.567,5'],
    [1234, 0, '1.234'],
    [0.5, 2, '0,50'],
    [-1234.25, 1, '-1.234,3'],
    [-0, 0, '0'],
    [12, undefined, '12'],
  ])('writes %s with %s decimals as %s', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  it('writes nothing for an empty cell', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    ['0.5', 0.5],
    ['0,25', 0.25],
    ['12.50', 12.5],
    ['  42 ', 42],
    ['1 234', 1234],
    ['-7', -7],
    ['+7', 7],
    ['97,5%', 97.5],
    [',5', 0.5],
  ])('reads "%s" as %s', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('reads empty text as a cleared cell', () => {
    expect(parseNumber('')).toEqual({ ok: true, value: null });
    expect(parseNumber('   ')).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '12a', '1.2.3', '1,23,4', '1..2', '--1', '.', '1.234,5,6', '1e5'])('rejects garbage "%s"', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('rejects a fraction where the cell takes whole numbers only', () => {
    expect(parseNumber('1,5', { integer: true })).toEqual({ ok: false, reason: 'not-an-integer' });
    expect(parseNumber('1.500', { integer: true })).toEqual({ ok: true, value: 1500 });
  });

  it('reads back what formatNumber writes', () => {
    for (const n of [0, 1, 999, 1000, 123456.78, -98765.4321]) {
      expect(parseNumber(formatNumber(n))).toEqual({ ok: true, value: n });
    }
  });
});

describe('dates', () => {
  it('writes an ISO date as dd/mm/yyyy', () => {
    expect(formatDate('2025-03-14')).toBe('14/03/2025');
    expect(formatDate(null)).toBe('');
  });

  it('writes instants in Viet Nam time (UTC+7), whatever the machine zone', () => {
    expect(formatDateTime('2025-03-14T18:30:00Z')).toBe('15/03/2025 01:30');
    expect(formatDate('2025-03-14T18:30:00Z')).toBe('15/03/2025');
    expect(formatTime(new Date('2025-03-14T02:05:00Z'))).toBe('09:05');
  });
});
