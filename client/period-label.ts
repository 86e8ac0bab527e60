// Names a period id (202501, 2025Q1, 2025S1, 2025N9, 2025) as the server's period labels do (Quý I/2025),
// or in English when the UI is.
import { locale } from './i18n';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** `fallback` (the server's label) names periods whose id has no pattern here, such as ad-hoc ones. */
export function periodLabel(id: string, fallback?: string): string {
  const en = locale() === 'en';
  let m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) return en ? `Q${m[2]} ${m[1]}` : `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})S([12])$/.exec(id);
  if (m) return en ? `H${m[2]} ${m[1]}` : `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  m = /^(\d{4})N9$/.exec(id);
  if (m) return en ? `9 months ${m[1]}` : `9 tháng năm ${m[1]}`;
  m = /^(\d{4})(\d{2})$/.exec(id);
  if (m) return en ? `${m[2]}/${m[1]}` : `Tháng ${m[2]}/${m[1]}`;
  m = /^(\d{4})$/.exec(id);
  if (m) return en ? `Year ${m[1]}` : `Năm ${m[1]}`;
  return fallback ?? id;
}

/** Today in Viet Nam as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
