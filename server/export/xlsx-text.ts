// The Vietnamese wording of the Excel package: dates as forms print them, statuses, unit headings, sheet names.
import type { ReportStatus } from '../../schema/api';
import { vnDate } from '../../domain/vn-time';
import type { Include } from '../services/aggregate';
import type { ExportUnit } from './export-data';

/** Where the province's reports are signed: the signature line reads "Lạng Sơn, ngày … tháng … năm …". */
export const PLACE = 'Lạng Sơn';
export const CREATOR = 'Hệ thống thông tin báo cáo tỉnh Lạng Sơn';
export const SUMMARY_SHEET = 'Tổng hợp';
export const COMPLETENESS_SHEET = 'Tình hình báo cáo';
/** Quốc hiệu and tiêu ngữ, as Decree 30/2020/NĐ-CP (Phụ lục I) prints them on every document. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

/** '2024-12-15' → '15/12/2024' */
export function formatDateVi(isoDate: string): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** '(Từ ngày 15/12/2024 đến ngày 14/03/2025)', as Biểu 06 prints its data window. */
export function periodLine(period: { start: string; end: string }): string {
  return `(Từ ngày ${formatDateVi(period.start)} đến ngày ${formatDateVi(period.end)})`;
}

/** 'Lạng Sơn, ngày 05 tháng 04 năm 2025', the day in Viet Nam (UTC+7) at `now`. */
export function placeAndDate(now: Date): string {
  const [year, month, day] = vnDate(now).split('-');
  return `${PLACE}, ngày ${day} tháng ${month} năm ${year}`;
}

/** An ISO instant as Viet Nam wall time, '20/03/2025 10:15'; anything unparsable is shown as given. */
export function formatInstantVi(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const vn = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(vn.slice(0, 10))} ${vn.slice(11, 16)}`;
}

/** 'Tỉnh Lạng Sơn' → 'UBND TỈNH LẠNG SƠN': the issuing authority printed top-left on the form. */
export function authorityHeading(unit: ExportUnit): string {
  return `UBND ${unit.name.toLocaleUpperCase('vi-VN')}`;
}

export function completenessLine(c: { expected: number; submitted: number; approved: number; onTime: number }): string {
  return `Số đơn vị phải báo cáo: ${c.expected}; đã gửi: ${c.submitted}; đã duyệt: ${c.approved}; đúng hạn: ${c.onTime}.`;
}

export function includeLine(include: Include): string {
  return include === 'approved'
    ? 'Số liệu tổng hợp từ các báo cáo đã được duyệt.'
    : 'Số liệu tổng hợp từ các báo cáo đã gửi (gồm cả báo cáo chưa duyệt).';
}

export function statusLine(status: ReportStatus, submittedAt: string | null): string {
  const sent = submittedAt === null ? '' : ` Ngày gửi: ${formatInstantVi(submittedAt)}.`;
  return `Trạng thái báo cáo: ${STATUS_LABELS[status]}.${sent}`;
}

const KIND_PREFIX = /^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu)\s+/u;
// Excel refuses these in a sheet name, and a name may not start or end with an apostrophe.
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/**
 * A namer that gives each unit a sheet name '06001 Đoàn Kết': code and the name without its kind,
 * at most 31 characters, without the characters Excel forbids, unique ignoring case (as Excel
 * compares them) and never the summary sheet's name.
 */
export function createSheetNamer(reserved: readonly string[] = [SUMMARY_SHEET]): (unit: ExportUnit) => string {
  const taken = new Set(reserved.map((name) => name.toLocaleLowerCase('vi-VN')));
  return (unit) => {
    const base = clean(`${unit.code} ${unit.name.replace(KIND_PREFIX, '')}`) || clean(unit.code) || 'Đơn vị';
    let name = cut(base, MAX_SHEET_NAME);
    for (let n = 2; taken.has(name.toLocaleLowerCase('vi-VN')); n++) {
      const suffix = ` (${n})`;
      name = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(name.toLocaleLowerCase('vi-VN'));
    return name;
  };
}

function clean(name: string): string {
  return name.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
}

// By code points, so that a Vietnamese letter is never split; trimmed so no name ends in a space.
function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('').trimEnd();
}
