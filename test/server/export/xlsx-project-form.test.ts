// A template defined by this project says so on the printed form; a ministry's form does not.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PROJECT_FORM_NOTE, writeWorkbook } from '../../../server/export/xlsx';
import { loadTemplate } from '../../templates/template-files';
import { bieu06Data, NOW } from './export-fixtures';

async function summaryTexts(buffer: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const sheet = workbook.getWorksheet('Tổng hợp')!;
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
  return out;
}

describe('writeWorkbook: who defined the form', () => {
  it('prints the note beside the form number of a project-defined template (as Mẫu HTBC-KTXH-X declares)', async () => {
    const ktxh = loadTemplate('kinh-te-xa-hoi-xa/2.json');
    const data = bieu06Data();
    const texts = await summaryTexts(await writeWorkbook({ ...data, template: { ...data.template, definedBy: ktxh.definedBy, formNumber: ktxh.formNumber } }, NOW));
    expect(texts).toContain('Mẫu HTBC-KTXH-X');
    expect(texts.some((t) => t.includes(PROJECT_FORM_NOTE))).toBe(true);
  });

  it('prints no such note on a form issued with a legal document (Biểu số 06/VPCP/KSTT)', async () => {
    const texts = await summaryTexts(await writeWorkbook(bieu06Data(), NOW));
    expect(texts.some((t) => t.includes(PROJECT_FORM_NOTE))).toBe(false);
    expect(texts).toContain('Mẫu bieu-06-vpcp-kstt, phiên bản 1');
  });
});
