// Vietnamese number formatting for messages (1.234,5): fixed rules, so browser and server print alike.
import { roundHalfAway } from '../formula/values';

/** Dấu chấm between thousands, dấu phẩy before decimals, trailing zeros dropped. */
export function formatNumberVi(n: number, maxDecimals = 6): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = roundHalfAway(n, maxDecimals);
  const [whole = '0', fraction = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** A cell value in a sentence: a number formatted, a text quoted, an empty cell said so. */
export function formatValueVi(v: number | string | boolean | null | undefined, maxDecimals = 6): string {
  if (v === null || v === undefined || v === '') return 'trống';
  if (typeof v === 'number') return formatNumberVi(v, maxDecimals);
  if (typeof v === 'boolean') return v ? 'đúng' : 'sai';
  return `"${v}"`;
}
