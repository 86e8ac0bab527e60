// ExportData built in memory for the export writer tests: Biểu 06 for three communes of Lạng Sơn, and a
// small template with a three-level header group, section rows, units, percents and disabled cells.
import type { ReportStatus } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import { periodFromId } from '../../../domain/periods';
import { aggregateInputs, computeReport, type CellValues } from '../../../domain/template';
import type { ExportData, ExportReport, ExportUnit } from '../../../server/export/export-data';
import { cellValues, compiled, contextFor, type Entries } from '../../templates/report-context';
import { loadTemplate } from '../../templates/template-files';
import { templateFile } from '../../domain/template/fixtures';

export const PROVINCE: ExportUnit = { code: '20', name: 'Tỉnh Lạng Sơn', level: 'province', parentCode: null };
const commune = (code: string, name: string): ExportUnit => ({ code, name, level: 'commune', parentCode: '20' });

/** 22:30 on 04/04/2025 in UTC is already 05/04/2025 in Viet Nam. */
export const NOW = new Date('2025-04-04T22:30:00Z');

interface UnitInput {
  unit: ExportUnit;
  status: ReportStatus;
  submittedAt: string | null;
  entries: Entries;
}

function exportData(file: TemplateFile, periodId: string, units: UnitInput[], include: ExportData['include'] = 'approved'): ExportData {
  const ct = compiled(file);
  const period = periodFromId(file, periodId);
  if (period === undefined) throw new Error(`no period ${periodId}`);
  const full = (inputs: CellValues) => computeReport(ct, contextFor(file, periodId, new Map([[periodId, inputs]])));
  const reports: ExportReport[] = units.map((u) => ({
    unit: u.unit,
    round: 'official',
    status: u.status,
    submittedAt: u.submittedAt,
    values: full(cellValues(u.entries)),
  }));
  return {
    template: file,
    compiled: ct,
    period,
    unit: PROVINCE,
    include,
    round: 'official',
    values: full(aggregateInputs(ct, units.map((u) => cellValues(u.entries)))),
    completeness: { expected: 4, submitted: 3, approved: 2, onTime: 2 },
    reports,
    roster: units.map((u) => ({ unit: u.unit, status: u.status, submittedAt: u.submittedAt, deadline: '2025-03-18', isLate: u.submittedAt === null || u.submittedAt > '2025-03-18T17:00:00Z' })),
  };
}

/** Biểu 06 figures of one sector that satisfy its balance rules. */
function sector(online: number, direct: number, carried: number, early: number, onTime: number, late: number, overdue: number) {
  const received = online + direct + carried;
  const resolved = early + onTime + late;
  const pending = received - resolved;
  return {
    nhan_tong: received,
    nhan_truc_tuyen: online,
    nhan_truc_tiep: direct,
    nhan_ky_truoc: carried,
    da_gq_tong: resolved,
    da_gq_truoc_han: early,
    da_gq_dung_han: onTime,
    da_gq_qua_han: late,
    dang_gq_tong: pending,
    dang_gq_trong_han: pending - overdue,
    dang_gq_qua_han: overdue,
  };
}

export function bieu06Data(): ExportData {
  return exportData(loadTemplate('bieu-06-vpcp-kstt/1.json'), '2025Q1', [
    {
      unit: commune('05977', 'Phường Đông Kinh'),
      status: 'approved',
      submittedAt: '2025-03-17T02:15:00.000Z',
      entries: { '01': sector(1200, 340, 15, 900, 600, 5, 2), '05': sector(80, 20, 4, 50, 40, 2, 1) },
    },
    {
      unit: commune('06001', 'Xã Đoàn Kết'),
      status: 'approved',
      submittedAt: '2025-03-18T09:00:00.000Z',
      entries: { '01': sector(150, 60, 3, 120, 80, 0, 0) },
    },
    {
      unit: commune('05983', 'Phường Lương Văn Tri'),
      status: 'submitted',
      submittedAt: '2025-03-20T01:00:00.000Z',
      entries: { '02': sector(2500, 1000, 0, 3000, 480, 10, 0) },
    },
  ]);
}

/**
 * Columns: Kế hoạch | Thực hiện › (Tổng số | Trong đó › (Nhà nước › (Văn bản | Hồ sơ) | Doanh nghiệp)) | Tỷ lệ.
 * Rows: two section headings, units of measure that differ, a decimal row, a percent row, disabled cells.
 */
export const NESTED_TEMPLATE = templateFile({
  id: 'thu-nghiem-nhieu-tang',
  formNumber: 'Biểu số 99/TN',
  title: 'Biểu thử nghiệm tiêu đề nhiều tầng',
  columns: [
    { key: 'ke_hoach', label: 'Kế hoạch' },
    { key: 'th_tong', label: 'Tổng số', group: ['Thực hiện'], formula: "col('th_nn_vb') + col('th_nn_hs') + col('th_dn')" },
    { key: 'th_nn_vb', label: 'Văn bản', group: ['Thực hiện', 'Trong đó', 'Nhà nước'] },
    { key: 'th_nn_hs', label: 'Hồ sơ', group: ['Thực hiện', 'Trong đó', 'Nhà nước'] },
    { key: 'th_dn', label: 'Doanh nghiệp', group: ['Thực hiện', 'Trong đó'] },
    { key: 'ty_le', label: 'Tỷ lệ hoàn thành', valueType: 'percent', decimals: 1, formula: "col('th_tong') / col('ke_hoach') * 100" },
  ],
  rows: [
    { code: 'I', label: 'PHẦN MỘT', header: true },
    { code: '1', label: 'Số máy tính', unit: 'cái' },
    { code: '1.1', label: 'Trong đó: máy xách tay', unit: 'cái', indent: 1, disabled: ['ke_hoach', 'ty_le'] },
    { code: '2', label: 'Diện tích đất', unit: 'ha', valueType: 'decimal', decimals: 2 },
    { code: 'II', label: 'PHẦN HAI', header: true },
    { code: '3', label: 'Số hồ sơ', unit: 'hồ sơ' },
  ],
});

export function nestedData(): ExportData {
  const entries = (scale: number): Entries => ({
    '1': { ke_hoach: 40 * scale, th_nn_vb: 10 * scale, th_nn_hs: 12 * scale, th_dn: 14 * scale },
    '1.1': { th_nn_vb: 3 * scale, th_nn_hs: 4 * scale, th_dn: 5 * scale },
    '2': { ke_hoach: 12.5 * scale, th_nn_vb: 1.25 * scale, th_nn_hs: 2.5 * scale, th_dn: 3.75 * scale },
  });
  return exportData(NESTED_TEMPLATE, '202503', [
    { unit: commune('06001', 'Xã Đoàn Kết'), status: 'approved', submittedAt: '2025-03-15T03:00:00Z', entries: entries(1) },
    { unit: commune('06004', 'Xã [Thử]: tên rất dài để cắt bớt ở ba mươi mốt ký tự'), status: 'submitted', submittedAt: null, entries: entries(2) },
  ], 'submitted');
}
