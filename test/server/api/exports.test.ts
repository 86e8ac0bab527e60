import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPackageSchema } from '../../../server/export/json-package';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'bieu-06-vpcp-kstt';
const GENERAL = { key: 'danh_gia_chung', text: 'Ổn định.' };
const hoTich = (k: number) =>
  Object.entries({
    nhan_tong: 10, nhan_truc_tuyen: 6, nhan_truc_tiep: 4, nhan_ky_truoc: 0,
    da_gq_tong: 7, da_gq_truoc_han: 4, da_gq_dung_han: 3, da_gq_qua_han: 0,
    dang_gq_tong: 3, dang_gq_trong_han: 3, dang_gq_qua_han: 0,
  }).map(([col, value]) => ({ row: '01', col, value: value * k }));

let t: TestApp;
let head: string;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-17T03:00:00Z') });
  for (const [unit, k] of [['05971', 1], ['05974', 2]] as const) {
    const cookie = await t.login(`canbo-${unit}`);
    await t.request(`/api/reports/${T}/2025Q1/${unit}/values`, { method: 'PUT', cookie, json: { revision: 0, values: hoTich(k), sections: [GENERAL] } });
    await t.request(`/api/reports/${T}/2025Q1/${unit}/submit`, { method: 'POST', cookie });
  }
  head = await t.login('lanhdao-178');
  await t.request(`/api/reports/${T}/2025Q1/05971/approve`, { method: 'POST', cookie: head });
});
afterAll(() => t.close());

describe('GET /api/exports/:template/:period/:unit.xlsx', () => {
  it('downloads a workbook whose summary sheet holds the roll-up and one sheet per counted unit', async () => {
    const res = await t.request(`/api/exports/${T}/2025Q1/178.xlsx?include=submitted`, { cookie: head });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`${T}_2025Q1_178.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', '05971 Hoàng Văn Thụ', '05974 Tam Thanh', 'Tình hình báo cáo']);
    const summary = wb.worksheets[0]!;
    const text = summary.getSheetValues().flat().filter((x) => typeof x === 'string').join('\n');
    expect(text).toContain('Biểu số 06/VPCP/KSTT');
    expect(text).toContain('(Từ ngày 15/12/2024 đến ngày 14/03/2025)');
    // The received total of Hộ tịch: 10 + 20 from the two communes, as a number.
    const numbers: number[] = [];
    summary.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers).toContain(30);
  });

  it('counts only approved reports by default', async () => {
    const res = await t.request(`/api/exports/${T}/2025Q1/178.xlsx`, { cookie: head });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', '05971 Hoàng Văn Thụ', 'Tình hình báo cáo']);
  });

  it('answers 403 to an officer of a commune asking for the district, 404 for an unknown format, 401 without a session', async () => {
    const officer = await t.login('canbo-05971');
    expect((await t.request(`/api/exports/${T}/2025Q1/178.xlsx`, { cookie: officer })).status).toBe(403);
    expect((await t.request(`/api/exports/${T}/2025Q1/178.pdf`, { cookie: head })).status).toBe(404);
    expect((await t.request(`/api/exports/${T}/2025Q1/178.xlsx`)).status).toBe(401);
  });
});

describe('GET /api/exports/:template/:period/:unit.json', () => {
  it('gives the documented, versioned machine package with every value, unit, period and template version', async () => {
    const res = await t.request(`/api/exports/${T}/2025Q1/178.json?include=submitted`, { cookie: head });
    expect(res.status).toBe(200);
    const body = await res.json();
    const pkg = v.parse(ReportPackageSchema, body);
    expect(pkg).toMatchObject({
      format: 'vn-bcdv-report-package',
      formatVersion: '1.1',
      sender: { code: '178', name: 'Thành phố Lạng Sơn', level: 'district', hierarchyDate: '2025-03-14' },
      template: { id: T, version: 1, formNumber: 'Biểu số 06/VPCP/KSTT' },
      period: { id: '2025Q1', start: '2024-12-15', end: '2025-03-14' },
      include: 'submitted',
    });
    expect(pkg.dataValues.find((d) => d.row === '01' && d.col === 'nhan_tong')?.value).toBe(30);
    expect(pkg.dataValues.find((d) => d.row === 'TC' && d.col === 'nhan_tong')).toMatchObject({ value: 30, computed: true });
    expect(pkg.reports.map((r) => r.unit.code)).toEqual(['05971', '05974']);
  });
});

describe('every shipped template exports', () => {
  it.each(['bieu-06-vpcp-kstt', 'chinh-quyen-so', 'kinh-te-xa-hoi-xa', 'tiep-cong-dan-xa', 'vu-viec-khieu-nai-to-cao-xa'])(
    '%s: a workbook laid out like its form, with every column header and row label',
    async (id) => {
      const first = t.deps.templates.versions(id)[0]!.file;
      // A period the template is in force for: before the reform under the district, after it the province.
      const before = { monthly: '202501', quarterly: '2025Q1', 'six-monthly': '2025S1' }[first.frequency as string]!;
      const isLater = first.effectiveFrom > before;
      const period = isLater ? first.effectiveFrom : before;
      // The version that period prints (a later version, e.g. 2027's, has its own form number).
      const template = t.deps.templates.forPeriod(id, period)!.file;
      const res = await t.request(`/api/exports/${id}/${period}/${isLater ? '20' : '178'}.xlsx`, { cookie: isLater ? await t.login('lanhdao-20') : head });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const texts = new Set<string>();
      wb.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.add(cell.value.trim());
        }),
      );
      const all = [...texts].join('\n');
      expect(all).toContain(template.formNumber);
      for (const c of template.columns) {
        expect(all).toContain(c.label);
        for (const g of c.group ?? []) expect(all).toContain(g);
      }
      for (const r of template.rows) expect(all).toContain(r.label);
    },
  );
});
