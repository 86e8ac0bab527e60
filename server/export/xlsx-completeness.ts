// The completeness sheet of the Excel package: every unit that must report, whether and when it sent
// its report, its deadline and whether it was on time; printed A4 landscape with its header repeated.
import type ExcelJS from 'exceljs';
import type { ExportHead, RosterEntry } from './export-data';
import { headerStyle, rowTextStyle, textStyle } from './xlsx-styles';
import { authorityHeading, COMPLETENESS_SHEET, completenessLine, formatDateVi, formatInstantVi, MOTTO, NATIONAL_TITLE, periodLine, STATUS_LABELS } from './xlsx-text';

const COLUMNS = [
  { heading: 'STT', width: 6 },
  { heading: 'Mã đơn vị', width: 11 },
  { heading: 'Tên đơn vị', width: 34 },
  { heading: 'Trạng thái', width: 14 },
  { heading: 'Thời điểm gửi', width: 18 },
  { heading: 'Hạn gửi', width: 12 },
  { heading: 'Đúng hạn / trễ hạn', width: 18 },
];
const HEADER_ROW = 7;

export function timeliness(entry: RosterEntry): string {
  if (entry.submittedAt === null) return entry.isLate ? 'Chưa gửi, quá hạn' : 'Chưa gửi';
  return entry.isLate ? 'Trễ hạn' : 'Đúng hạn';
}

export function writeCompletenessSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: ExportHead, now: Date): void {
  const sheet = workbook.addWorksheet(COMPLETENESS_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&9Trang &P/&N' },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const put = (row: number, from: number, to: number, text: string, style: Partial<ExcelJS.Style>) => {
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.style = style;
    if (to > from) sheet.mergeCells(row, from, row, to);
  };
  put(1, 1, 3, authorityHeading(data.unit), textStyle({ bold: true, horizontal: 'center', wrap: true }));
  put(1, 4, 7, NATIONAL_TITLE, textStyle({ bold: true, horizontal: 'center' }));
  put(2, 4, 7, MOTTO, textStyle({ bold: true, horizontal: 'center' }));
  sheet.getRow(1).height = 32;
  put(3, 1, 7, `TÌNH HÌNH GỬI BÁO CÁO: ${data.template.formNumber}`, textStyle({ bold: true, size: 13, horizontal: 'center', wrap: true }));
  sheet.getRow(3).height = 36;
  put(4, 1, 7, `Kỳ báo cáo: ${data.period.label} ${periodLine(data.period)}`, textStyle({ italic: true, horizontal: 'center' }));
  put(5, 1, 7, completenessLine(data.completeness), textStyle({ horizontal: 'center' }));
  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.heading;
    cell.style = headerStyle();
  });
  header.height = 30;
  const center = rowTextStyle({ horizontal: 'center' });
  const left = rowTextStyle({ horizontal: 'left' });
  data.roster.forEach((entry, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const cells: [string | number, Partial<ExcelJS.Style>][] = [
      [i + 1, center],
      [entry.unit.code, center],
      [entry.unit.name, left],
      [STATUS_LABELS[entry.status], center],
      [entry.submittedAt === null ? '' : formatInstantVi(entry.submittedAt), center],
      [entry.deadline === null ? '' : formatDateVi(entry.deadline), center],
      [timeliness(entry), center],
    ];
    cells.forEach(([value, style], c) => {
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.style = style;
    });
  });
  const after = HEADER_ROW + data.roster.length + 2;
  put(after, 1, 7, `Lập lúc ${formatInstantVi(now.toISOString())}.`, textStyle({ italic: true, horizontal: 'left' }));
  sheet.commit();
}
