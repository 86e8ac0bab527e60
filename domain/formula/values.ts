// Runtime values of formulas and the rules for empty cells, shared by evaluator, rules and aggregation.

/** null is an empty cell; booleans only arise from comparisons and never reach a stored cell. */
export type Value = number | string | boolean | null;

export function isEmpty(v: Value | undefined): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number for arithmetic, or null: empty, text and non-finite values do not take part in sums. */
export function toNumber(v: Value | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** Empty counts as false in if/and/or. */
export function isTruthy(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return !isEmpty(v);
}

/**
 * Rounds half away from zero to `digits` decimals. Goes through the decimal string so that 1.005 rounds
 * to 1.01 as a person expects, not to 1 as binary floating point would.
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  // Fast path: most values (counts, sums of counts) already have no more decimals than asked for.
  if (digits >= 0 && Number.isInteger(x * 10 ** digits)) return x === 0 ? 0 : x;
  const abs = Math.abs(x);
  const text = String(abs);
  // Very large or tiny numbers print with an exponent already; plain scaling is exact enough there.
  const shifted = text.includes('e') ? Math.round(abs * 10 ** digits) : Math.round(Number(`${text}e${digits}`));
  const rounded = digits >= 0 ? shifted / 10 ** digits : shifted * 10 ** -digits;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Numbers are equal within a relative 1e-9, so 0.1 + 0.2 = 0.3 holds in a formula. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
