// vi-VN numbers (1.234.567,5) and dates (dd/mm/yyyy) for display, and a forgiving parser for what officers type.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * A number as a Vietnamese reader writes it: "." groups thousands, "," starts the decimals.
 * `decimals` fixes the number of decimals shown; without it up to 6 are shown, none padded.
 */
export function formatNumber(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const f = decimals === undefined ? numberFormat(0, 6) : numberFormat(decimals, decimals);
  // Intl writes a hyphen-minus for negatives in vi-VN already; normalise -0 so it never shows as "-0".
  return f.format(Object.is(value, -0) ? 0 : value);
}

export type ParseResult = { ok: true; value: number | null } | { ok: false; reason: 'not-a-number' | 'not-an-integer' };

const GROUPED = /^\d{1,3}(\d{3})*$/;

/** Splits digits written with `group` between thousands, e.g. "1.234.567"; null when the groups are not of three. */
function ungroup(text: string, group: string): string | null {
  const parts = text.split(group);
  if (parts.length === 1) return text;
  const [first, ...rest] = parts;
  if (!first || first.length > 3 || rest.some((p) => p.length !== 3)) return null;
  const joined = parts.join('');
  return GROUPED.test(joined) ? joined : null;
}

/**
 * Reads what an officer typed into a number cell. vi-VN first ("1.234,5", "1.234" is one thousand two
 * hundred and thirty-four), but a plain "1234.5" as a computer writes it is accepted too: a single "."
 * that is not followed by exactly three digits can only be a decimal point. Spaces, a leading "+", and a
 * trailing "%" are ignored. Empty text clears the cell (null).
 */
export function parseNumber(input: string, options: { integer?: boolean } = {}): ParseResult {
  let text = input.replace(/[\s\u00a0\u202f]/g, '');
  if (text.endsWith('%')) text = text.slice(0, -1);
  if (text === '') return { ok: true, value: null };
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, reason: 'not-a-number' };

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let intPart: string | null;
  let fracPart = '';
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    intPart = ungroup(text.slice(0, at), group);
    fracPart = text.slice(at + 1);
    if (fracPart.includes(decimal) || fracPart.includes(group)) return { ok: false, reason: 'not-a-number' };
  } else if (lastComma >= 0) {
    const commas = text.split(',').length - 1;
    if (commas === 1) {
      [intPart = '', fracPart = ''] = text.split(',');
    } else {
      intPart = ungroup(text, ',');
    }
  } else if (lastDot >= 0) {
    const dots = text.split('.').length - 1;
    const after = text.slice(lastDot + 1);
    const before = text.slice(0, lastDot);
    if (dots > 1) {
      intPart = ungroup(text, '.');
    } else if (after.length === 3 && before.length >= 1 && before.length <= 3 && !/^0+$/.test(before)) {
      intPart = before + after; // "1.234" in vi-VN
    } else {
      intPart = before;
      fracPart = after;
    }
  } else {
    intPart = text;
  }
  if (intPart === null || !/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || (intPart === '' && fracPart === '')) {
    return { ok: false, reason: 'not-a-number' };
  }
  const value = sign * Number(`${intPart || '0'}.${fracPart || '0'}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  if (options.integer && !Number.isInteger(value)) return { ok: false, reason: 'not-an-integer' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** "2025-03-14" → "14/03/2025"; any other text is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  // A full timestamp is shown in Viet Nam's time zone, where the day may differ from UTC's.
  if (iso.length > 10 && iso.includes('T')) return formatDateTime(iso).slice(0, 10);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as "dd/mm/yyyy hh:mm" in Viet Nam's time (UTC+7), whatever the browser's zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** An instant as "hh:mm" in Viet Nam's time. */
export function formatTime(value: string | Date): string {
  return formatDateTime(value).slice(11);
}
