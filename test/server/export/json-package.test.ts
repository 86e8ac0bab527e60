// The machine package: valid against its own schema, every non-empty cell in template order, stable.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../domain/template';
import type { ExportData } from '../../../server/export/export-data';
import { ReportPackageSchema, toJsonPackage, type PackageDataValue } from '../../../server/export/json-package';
import { bieu06Data, nestedData, NOW } from './export-fixtures';

/** Position of a cell in template order: row index, then column index. */
function orderOf(data: ExportData): (value: PackageDataValue) => number {
  const rows = data.compiled.dataRows.map((r) => r.code);
  const cols = data.compiled.columns.map((c) => c.key);
  return (value) => rows.indexOf(value.row) * cols.length + cols.indexOf(value.col);
}

describe('toJsonPackage', () => {
  it.each([
    ['Biểu 06', bieu06Data],
    ['the nested template', nestedData],
  ])('for %s validates against ReportPackageSchema, also after a JSON round trip', (_name, build) => {
    const pkg = toJsonPackage(build(), NOW);
    expect(v.safeParse(ReportPackageSchema, pkg).issues).toBeUndefined();
    expect(v.safeParse(ReportPackageSchema, JSON.parse(JSON.stringify(pkg))).success).toBe(true);
  });

  it('carries the format, version, sender, template, period and completeness', () => {
    const pkg = toJsonPackage(bieu06Data(), NOW);
    expect(pkg).toMatchObject({
      format: 'vn-bcdv-report-package',
      formatVersion: '1.1',
      generatedAt: '2025-04-04T22:30:00.000Z',
      sender: { code: '20', name: 'Tỉnh Lạng Sơn', level: 'province', hierarchyDate: '2025-03-14' },
      template: {
        id: 'bieu-06-vpcp-kstt',
        version: 1,
        formNumber: 'Biểu số 06/VPCP/KSTT',
        frequency: 'quarterly',
        calendar: 'decree09',
      },
      period: { id: '2025Q1', label: 'Quý I/2025', start: '2024-12-15', end: '2025-03-14' },
      unitOfMeasure: 'Số hồ sơ TTHC',
      include: 'approved',
      completeness: { expected: 4, submitted: 3, approved: 2, onTime: 2 },
    });
  });

  it('lists every non-empty cell of the roll-up once, with its value, in template order', () => {
    const data = bieu06Data();
    const pkg = toJsonPackage(data, NOW);
    const keys = pkg.dataValues.map((d) => cellKey(d.row, d.col));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...data.values.keys()].sort());
    for (const d of pkg.dataValues) expect(d.value).toBe(data.values.get(cellKey(d.row, d.col)));
    const positions = pkg.dataValues.map(orderOf(data));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(pkg.dataValues[0]).toEqual({
      row: 'TC',
      rowLabel: 'Tổng cộng',
      col: 'nhan_tong',
      colLabel: 'Tổng số (Số hồ sơ nhận giải quyết)',
      value: 5372,
      unit: 'hồ sơ',
      valueType: 'integer',
      computed: true,
    });
    expect(pkg.dataValues.find((d) => d.row === '01' && d.col === 'nhan_truc_tuyen')).toMatchObject({ value: 1350, computed: false });
  });

  it('gives each reporting unit its status, submission time and own values', () => {
    const data = bieu06Data();
    const pkg = toJsonPackage(data, NOW);
    expect(pkg.reports.map((r) => [r.unit.code, r.status, r.submittedAt])).toEqual([
      ['05977', 'approved', '2025-03-17T02:15:00.000Z'],
      ['06001', 'approved', '2025-03-18T09:00:00.000Z'],
      ['05983', 'submitted', '2025-03-20T01:00:00.000Z'],
    ]);
    pkg.reports.forEach((report, i) => {
      const own = data.reports[i]?.values ?? new Map();
      expect(report.dataValues.map((d) => cellKey(d.row, d.col)).sort()).toEqual([...own.keys()].sort());
      const positions = report.dataValues.map(orderOf(data));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });
    expect(pkg.reports[0]?.unit).toEqual({ code: '05977', name: 'Phường Đông Kinh', level: 'commune', parentCode: '20' });
  });

  it('types percents and decimals, names row units, and sends no header rows or disabled cells', () => {
    const pkg = toJsonPackage(nestedData(), NOW);
    expect(pkg.dataValues.find((d) => d.row === '1' && d.col === 'ty_le')).toMatchObject({ value: 90, valueType: 'percent', unit: 'cái', computed: true });
    expect(pkg.dataValues.find((d) => d.row === '2' && d.col === 'ke_hoach')).toMatchObject({ value: 37.5, valueType: 'decimal', unit: 'ha' });
    expect(pkg.dataValues.some((d) => d.row === 'I' || d.row === 'II')).toBe(false);
    expect(pkg.dataValues.some((d) => d.row === '1.1' && (d.col === 'ke_hoach' || d.col === 'ty_le'))).toBe(false);
    expect(pkg.unitOfMeasure).toBeNull();
    expect(pkg.include).toBe('submitted');
    expect(pkg.reports[1]?.submittedAt).toBeNull();
  });

  it('ignores keys the template does not know and sends a numeric string as a number', () => {
    const data = bieu06Data();
    data.values.set(cellKey('ZZ', 'nhan_tong'), 5);
    data.values.set(cellKey('03', 'nhan_tong'), '12');
    const pkg = toJsonPackage(data, NOW);
    expect(pkg.dataValues.some((d) => d.row === 'ZZ')).toBe(false);
    expect(pkg.dataValues.find((d) => d.row === '03' && d.col === 'nhan_tong')?.value).toBe(12);
  });

  it('is stable: the same data and now give the same JSON text', () => {
    expect(JSON.stringify(toJsonPackage(bieu06Data(), NOW))).toBe(JSON.stringify(toJsonPackage(bieu06Data(), NOW)));
  });

  it.each([
    ['another major version', { formatVersion: '2.0' }],
    ['another format', { format: 'adx' }],
    ['a value that is not a number or text', { dataValues: [{ row: '1', rowLabel: 'A', col: 'a', colLabel: 'A', value: null, unit: null, valueType: 'integer', computed: false }] }],
    ['a period without its end', { period: { id: '2025Q1', label: 'Quý I/2025', start: '2024-12-15' } }],
  ])('the schema rejects %s', (_name, patch) => {
    const pkg = { ...toJsonPackage(nestedData(), NOW), ...patch };
    expect(v.safeParse(ReportPackageSchema, pkg).success).toBe(false);
  });
});
