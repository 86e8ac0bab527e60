// Numbers are read in the UI language and shown the same way they are read.
import { describe, expect, it } from 'vitest';
import { formatEntry, parseEntry } from '../../../client/grid/number-entry';

const vi = { locale: 'vi', allowNegative: false } as const;
const en = { locale: 'en', allowNegative: false } as const;

describe('parseEntry', () => {
  it.each([
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['12', 12],
    ['', null],
  ])('reads Vietnamese %j as %s', (text, value) => {
    expect(parseEntry(text, vi)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1,234', 1234],
    ['1.5', 1.5],
    ['1 234', 1234],
  ])('reads English %j as %s', (text, value) => {
    expect(parseEntry(text, en)).toEqual({ ok: true, value });
  });

  it('reads (12) as -12 where the row allows negatives, and refuses it where it does not', () => {
    expect(parseEntry('(12)', { ...vi, allowNegative: true })).toEqual({ ok: true, value: -12 });
    expect(parseEntry('(1.234,5)', { ...vi, allowNegative: true })).toEqual({ ok: true, value: -1234.5 });
    expect(parseEntry('(12)', vi)).toEqual({ ok: false, reason: 'negative-not-allowed' });
  });

  it.each(['abc', '()', '(-12)', '1.2.3,4,5'])('refuses %j', (text) => {
    expect(parseEntry(text, { ...vi, allowNegative: true }).ok).toBe(false);
  });

  it('refuses decimals in an integer cell', () => {
    expect(parseEntry('1,5', { ...vi, integer: true })).toEqual({ ok: false, reason: 'not-an-integer' });
  });
});

describe('formatEntry', () => {
  it.each([
    [1234567.5, 1, 'vi', '1.234.567,5'],
    [1234567.5, 1, 'en', '1,234,567.5'],
    [-12, 0, 'en', '-12'],
    [1234, 0, 'vi', '1.234'],
  ] as const)('writes %s (%s decimals) in %s as %j', (value, decimals, locale, text) => {
    expect(formatEntry(value, decimals, locale)).toBe(text);
  });

  it.each([
    [1234567.25, 2],
    [-1234.5, 1],
    [1234, 0],
    [0.125, 3],
  ])('reads back what it writes: %s', (value, decimals) => {
    for (const locale of ['vi', 'en'] as const) {
      expect(parseEntry(formatEntry(value, decimals, locale), { locale, allowNegative: true })).toEqual({ ok: true, value });
    }
  });
});
