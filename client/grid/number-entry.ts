// Numbers as the officer types and reads them in the UI language: Vietnamese "1.234.567", "1.234,5",
// "1 234"; English "1,234.5"; "(12)" for a negative where the row allows negatives (accounting style).
import { formatNumber, parseNumber, type ParseResult } from '../format';

export type NumberLocale = 'vi' | 'en';

export interface EntryOptions {
  locale: NumberLocale;
  integer?: boolean;
  /** False where the row (or the form's defaults) sets a minimum of zero or more. */
  allowNegative: boolean;
}

export type EntryResult = ParseResult | { ok: false; reason: 'negative-not-allowed' };

/** English writes the separators the other way round; swapping them lets one reader serve both. */
const swapSeparators = (s: string) => s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));

export function parseEntry(input: string, options: EntryOptions): EntryResult {
  let text = input.trim();
  let bracketed = false;
  const m = /^\((.*)\)$/.exec(text);
  if (m) {
    bracketed = true;
    text = m[1]!.trim();
    if (/^[-−+]/.test(text)) return { ok: false, reason: 'not-a-number' };
  }
  const parsed = parseNumber(options.locale === 'en' ? swapSeparators(text) : text, { integer: options.integer });
  if (!parsed.ok || parsed.value === null) return bracketed && parsed.ok ? { ok: false, reason: 'not-a-number' } : parsed;
  const value = bracketed ? -parsed.value : parsed.value;
  if (bracketed && !options.allowNegative) return { ok: false, reason: 'negative-not-allowed' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

const enFormats = new Map<number, Intl.NumberFormat>();

/** A number as the UI language writes it, with the cell's decimals. */
export function formatEntry(value: number | null | undefined, decimals: number | undefined, locale: NumberLocale): string {
  if (locale === 'vi') return formatNumber(value, decimals);
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const key = decimals ?? -1;
  let f = enFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', decimals === undefined ? { maximumFractionDigits: 6 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    enFormats.set(key, f);
  }
  return f.format(Object.is(value, -0) ? 0 : value);
}
