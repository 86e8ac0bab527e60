// Every name and code of QCVN 125:2021/BTTTT that no public source read for this project confirms, in
// one place: packet type codes, field names on the wire, status / period / value-type codes, how units,
// periods and indicators are identified. When the official text (Thông tư 02/2021/TT-BTTTT with its
// annex) is in hand, this file is the one to change; docs/qcvn125.md lists what is unverified.
//
// Verified (exchange.md): the standard's number and title, that it defines 13 packets and which ones,
// and that it leaves transport out of scope. Everything below marked UNVERIFIED is our reading.
import type { ReportStatus, UnitLevel } from '../../schema/api';
import type { Frequency, ValueType } from '../../schema/template';

export const STANDARD = 'QCVN 125:2021/BTTTT';
/** Version of our packet layout; bumped when a field below changes meaning. */
export const LAYOUT_VERSION = '0.1';

/** The packets we produce or read, by our name. Names are the standard's (verified); codes UNVERIFIED. */
export const PACKET_TYPES = {
  regime: 'CHE_DO_BAO_CAO', // Gói tin chế độ báo cáo
  form: 'BIEU_MAU_BAO_CAO', // Gói tin biểu mẫu báo cáo
  outlineForm: 'BIEU_MAU_BAO_CAO_DE_CUONG', // Gói tin biểu mẫu báo cáo đề cương
  reportData: 'SO_LIEU_BAO_CAO', // Gói tin số liệu báo cáo
  outlineSubmission: 'GUI_DE_CUONG_BAO_CAO', // Gói tin gửi đề cương báo cáo
  reportStatus: 'TRANG_THAI_BAO_CAO', // Gói tin trạng thái báo cáo
  periodCatalogue: 'DANH_MUC_KY_BAO_CAO', // Gói tin danh mục kỳ báo cáo
  indicatorCatalogue: 'DANH_MUC_CHI_TIEU_BAO_CAO', // Gói tin danh mục chỉ tiêu báo cáo
} as const;
export type PacketKind = keyof typeof PACKET_TYPES;
export const PACKET_KINDS = Object.keys(PACKET_TYPES) as PacketKind[];

/**
 * Field names on the wire, by the canonical (English) name our code uses. UNVERIFIED, all of them:
 * written in the PascalCase-without-diacritics style of published Vietnamese e-government schemas.
 * Packets are built and checked with the canonical names and renamed only at the edge (toWire /
 * fromWire), so a corrected name is one line here.
 */
export const FIELD_NAMES = {
  packetType: 'LoaiGoiTin',
  standard: 'QuyChuan',
  layoutVersion: 'PhienBanCauTruc',
  packetId: 'MaGoiTin',
  createdAt: 'ThoiGianTao',
  sender: 'DonViGui',
  body: 'NoiDung',
  code: 'Ma',
  identifier: 'MaDinhDanh',
  identifierScheme: 'LoaiMaDinhDanh',
  name: 'Ten',
  level: 'CapHanhChinh',
  formCode: 'MaBieuMau',
  formVersion: 'PhienBanBieuMau',
  formNumber: 'KyHieuBieuMau',
  title: 'TenBieuMau',
  unitOfMeasure: 'DonViTinh',
  frequency: 'TanSuat',
  calendar: 'CachTinhKy',
  effectiveFrom: 'KyApDungTu',
  kind: 'LoaiBaoCao',
  content: 'NoiDungYeuCau',
  reporters: 'DoiTuongThucHien',
  levels: 'CacCap',
  from: 'TuNgay',
  to: 'DenNgay',
  note: 'GhiChu',
  recipient: 'CoQuanNhan',
  method: 'PhuongThucGuiNhan',
  cutoff: 'ThoiGianChotSoLieu',
  deadlines: 'ThoiHanGui',
  workingDays: 'SoNgayLamViec',
  dayOfMonth: 'NgayTrongThang',
  monthsAfter: 'SoThangSauKy',
  date: 'Ngay',
  outline: 'DeCuong',
  instructions: 'HuongDan',
  forms: 'DanhSachBieuMau',
  legalBasis: 'CanCuPhapLy',
  number: 'SoKyHieu',
  issuer: 'CoQuanBanHanh',
  columns: 'DanhSachCot',
  groups: 'NhomCot',
  valueType: 'KieuDuLieu',
  indicators: 'DanhSachChiTieu',
  rowCode: 'MaDong',
  label: 'TenChiTieu',
  unit: 'DonVi',
  aggregation: 'CachTongHop',
  parentCode: 'MaChiTieuCha',
  isHeader: 'LaDongTieuDe',
  computed: 'LaChiTieuTinhToan',
  formula: 'CongThuc',
  sections: 'DanhSachMuc',
  hint: 'GoiY',
  required: 'BatBuoc',
  maxLength: 'DoDaiToiDa',
  text: 'NoiDungMuc',
  year: 'Nam',
  periods: 'DanhSachKy',
  period: 'KyBaoCao',
  periodId: 'MaKyNoiBo',
  type: 'LoaiKy',
  start: 'NgayBatDau',
  end: 'NgayKetThuc',
  status: 'TrangThai',
  scope: 'PhamVi',
  round: 'LoaiSoLieu',
  completeness: 'TinhHinhBaoCao',
  expected: 'SoDonViPhaiBaoCao',
  submitted: 'SoDonViDaGui',
  approved: 'SoDonViDaDuyet',
  onTime: 'SoDonViDungHan',
  values: 'SoLieu',
  indicator: 'MaChiTieu',
  column: 'MaCot',
  value: 'GiaTri',
  reports: 'BaoCaoDonVi',
  submittedAt: 'ThoiGianGui',
  decidedAt: 'ThoiGianXuLy',
  revision: 'LanCapNhat',
  deadline: 'HanGui',
  isLate: 'TreHan',
  returnReason: 'LyDoTraLai',
} as const;
export type CanonicalField = keyof typeof FIELD_NAMES;

/** Our workflow states → the national report-status values. UNVERIFIED value set. */
export const STATUS_CODES: Record<ReportStatus, string> = {
  draft: 'DANG_SOAN',
  submitted: 'DA_GUI',
  approved: 'DA_DUYET',
  returned: 'TRA_LAI',
};

/** Frequencies → period-type codes of the period catalogue. UNVERIFIED. */
export const PERIOD_TYPE_CODES: Record<Frequency, string> = {
  monthly: 'THANG',
  quarterly: 'QUY',
  'six-monthly': '6_THANG',
  'nine-month': '9_THANG',
  annual: 'NAM',
  adhoc: 'DOT_XUAT',
};

/** Value types → the standard's data types. UNVERIFIED. */
export const VALUE_TYPE_CODES: Record<ValueType, string> = {
  integer: 'SO_NGUYEN',
  decimal: 'SO_THUC',
  percent: 'TY_LE_PHAN_TRAM',
  text: 'VAN_BAN',
};

/** Administrative levels (and agencies, sở / ban / ngành / phòng) → level codes. UNVERIFIED. */
export const LEVEL_CODES: Record<UnitLevel, string> = { nation: 'QUOC_GIA', province: 'TINH', district: 'HUYEN', commune: 'XA', agency: 'CO_QUAN' };

export const REPORT_KIND_CODES = { periodic: 'DINH_KY', thematic: 'CHUYEN_DE', adhoc: 'DOT_XUAT' } as const;

/** Whether data describe the sender's whole subtree rolled up, or one unit's own report. UNVERIFIED. */
export const SCOPE_CODES = { subtree: 'TONG_HOP', own: 'DON_VI' } as const;

/** The round of the figures (issue 11): số chính thức or số ước. UNVERIFIED field and values. */
export const ROUND_CODES = { official: 'SO_CHINH_THUC', preliminary: 'SO_UOC' } as const;

/**
 * How a unit is identified. UNVERIFIED which scheme QCVN 125 wants: the agency's mã định danh
 * (Quyết định 20/2020/QĐ-TTg) or the GSO administrative code. We send the GSO code under both names
 * with the scheme named, until a GSO ↔ mã định danh map is loaded (exchange.md, "what we must add" 2).
 */
export const UNIT_IDENTIFIER_SCHEME = 'MA_DVHC_GSO';
export const unitIdentifier = (gsoCode: string): string => gsoCode;

/** The national period code of one of our period ids (202501, 2025Q1, 2025S1, 2025). UNVERIFIED: ours. */
export const nationalPeriodCode = (periodId: string): string => periodId;

/** The national indicator code of a row of a template version. UNVERIFIED: no national code table yet. */
export const indicatorCode = (templateId: string, rowCode: string): string => `${templateId}.${rowCode}`;

const inverse = (table: Record<string, string>) => new Map(Object.entries(table).map(([k, v]) => [v, k]));
const WIRE_TO_FIELD = inverse(FIELD_NAMES);

/** Renames every key of a packet from our names to the wire names; a key with no wire name is a bug. */
export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const wire = (FIELD_NAMES as Record<string, string>)[key];
    if (wire === undefined) throw new Error(`QCVN 125 mapping: no wire name for field "${key}"`);
    out[wire] = toWire(inner);
  }
  return out;
}

/** Renames wire keys back to ours; keys we do not know are kept as they are (the schema drops them). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[WIRE_TO_FIELD.get(key) ?? key] = fromWire(inner);
  return out;
}

/** Reverse lookup of a code table (status, period type …): undefined for a code we do not know. */
export function decode<K extends string>(table: Record<K, string>, code: string): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === code);
}
