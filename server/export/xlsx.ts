// The Excel package for the ministry: the roll-up laid out like the paper form, then one sheet per
// reporting unit with its own figures and status (and its open lists' items, which the roll-up totals).
//
// Written with exceljs's streaming WorkbookWriter rather than the in-memory Workbook: a national
// package has one sheet per unit (thousands), and the streaming writer serialises each sheet when it is
// committed, so memory holds one sheet's cells plus the compressed output instead of every cell of
// every sheet. It costs nothing in clarity here: each sheet is written top to bottom anyway.
import { type EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValues } from '../../domain/template/cell-key';
import type { CompiledTemplate } from '../../domain/template/types';
import type { ExportData, ExportHead, ExportReport, ExportUnit } from './export-data';
import { formLayout, heightFor, textLines, type FormLayout } from './xlsx-layout';
import { planTable, writeTable, type TablePlan } from './xlsx-table';
import { textStyle } from './xlsx-styles';
import {
  authorityHeading,
  completenessLine,
  CREATOR,
  COMPLETENESS_SHEET,
  createSheetNamer,
  includeLine,
  MOTTO,
  NATIONAL_TITLE,
  periodLine,
  placeAndDate,
  statusLine,
  SUMMARY_SHEET,
} from './xlsx-text';
import { writeCompletenessSheet } from './xlsx-completeness';
import { hasRounds, ROUND_LABELS, roundLine, standInLine } from './xlsx-rounds';
import type { Round } from '../../schema/template';
import { pinZipDates } from './xlsx-zip-dates';

type Sheet = ExcelJS.Worksheet;

/**
 * Rows 1–7 hold the heading as Decree 30/2020/NĐ-CP lays out an administrative document: the agency
 * top-left over the national title and motto top-right, the form number, title, period and unit of
 * measure; the table starts below.
 */
const HEADER_TOP = 8;

/** Characters the top-right block needs: the national title in bold capitals, the place and date line. */
const RIGHT_BLOCK_WIDTH = 44;

interface FormSheet {
  data: ExportHead;
  layout: FormLayout;
  table: TablePlan;
  /** Whose form it is: printed top-left. */
  unit: ExportUnit;
  values: CellValues;
  /** The round of these figures, printed beside the period where the form has a preliminary round. */
  round: Round;
  /** Lines under the table. */
  notes: string[];
  /** The report's narrative sections with text, in the template's order. */
  sections?: { title: string; text: string }[];
  signed: boolean;
  now: Date;
}

/**
 * The workbook as bytes. The same data and `now` give the same bytes: workbook dates and zip entry
 * dates are `now`, and sheets, rows and styles are written in template order.
 */
export async function writeWorkbook(data: ExportData, now: Date): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await streamWorkbook(data, data.reports, now, sink);
  return pinZipDates(Buffer.concat(chunks), now);
}

/**
 * Writes the workbook into `sink` as it is built, one committed sheet at a time, taking the reports
 * as they come (a national package reads them from the database a chunk at a time): memory holds a
 * sheet or two and what the sink has not taken yet, whatever the number of units.
 */
export async function streamWorkbook(
  data: ExportHead,
  reports: Iterable<ExportReport> | AsyncIterable<ExportReport>,
  now: Date,
  sink: Writable,
  /** Waited for after each sheet; by default, until the sink has room again. */
  pace: () => Promise<void> = () => (sink.writableNeedDrain ? new Promise((resolve) => sink.once('drain', () => resolve())) : Promise.resolve()),
): Promise<void> {
  const { workbook, zipped } = stampedWorkbookWriter(sink, now);
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = now;
  workbook.modified = now;

  // The layout and table plan come from the template alone: made once per shape, not per sheet. The
  // roll-up has one shape; a unit's sheet has its own where its open lists hold items, one per set of
  // item counts (export-data caches the compiled shapes), so thousands of sheets share a few plans.
  const plans = new Map<CompiledTemplate, Pick<FormSheet, 'layout' | 'table'>>();
  const planOf = (ct: CompiledTemplate) => {
    let plan = plans.get(ct);
    if (!plan) {
      const layout = formLayout(ct);
      plans.set(ct, (plan = { layout, table: planTable(ct, layout) }));
    }
    return plan;
  };
  const form = { data, now };
  const summary = [completenessLine(data.completeness), includeLine(data.include)];
  if (hasRounds(data)) summary.push(roundLine(data.round));
  writeFormSheet(workbook, SUMMARY_SHEET, { ...form, ...planOf(data.compiled), unit: data.unit, values: data.values, round: data.round, notes: summary, signed: true });
  const sheetName = createSheetNamer([SUMMARY_SHEET, COMPLETENESS_SHEET]);
  for await (const report of reports) {
    const notes = [statusLine(report.status, report.submittedAt)];
    const titles = new Map((data.template.sections ?? []).map((x) => [x.key, x.title]));
    const sections = (report.sections ?? []).filter((x) => x.text.trim() !== '' && titles.has(x.key)).map((x) => ({ title: titles.get(x.key)!, text: x.text }));
    if (report.round !== data.round) notes.push(standInLine);
    const plan = planOf(report.compiled ?? data.compiled);
    writeFormSheet(workbook, sheetName(report.unit), { ...form, ...plan, unit: report.unit, values: report.values, round: report.round, notes, sections, signed: false });
    // The next sheet is built while the zip compresses this one, never further ahead: exceljs hands
    // each committed sheet to archiver's queue whole, and building outran compressing, so a national
    // package once held thousands of sheets' XML waiting in that queue (its memory grew with the
    // units). Then wait while the sink is full, so a slow client holds back the building too.
    await zipped(1);
    await pace();
  }
  writeCompletenessSheet(workbook, data, now);
  await workbook.commit();
}

/**
 * exceljs hands its parts to archiver without a date, and archiver stamps the wall clock: give every
 * entry `now` instead (as Hà Nội wall time: archiver writes a date's UTC fields), so a streamed package
 * is as deterministic as a buffered one. Two parts are added inside WorkbookWriter's constructor, before
 * its archive can be reached, so archiver's append is wrapped once to honour a stamp set around it.
 */
type Append = (this: unknown, source: unknown, data: Record<string, unknown>) => unknown;
let constructing: { date: Date; appended: number } | undefined;
let wrapped = false;

interface StampedWriter {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Resolves once at most `backlog` of the parts handed to the zip are still to be compressed. */
  zipped(backlog: number): Promise<void>;
}

function stampedWorkbookWriter(sink: Writable, now: Date): StampedWriter {
  type Zip = EventEmitter & { append: Append };
  const zipOf = (w: ExcelJS.stream.xlsx.WorkbookWriter) => (w as unknown as { zip: Zip }).zip;
  if (!wrapped) {
    const proto = Object.getPrototypeOf(zipOf(new ExcelJS.stream.xlsx.WorkbookWriter({}))) as { append: Append };
    const append = proto.append;
    proto.append = function (source, data) {
      if (!constructing || data.date !== undefined) return append.call(this, source, data);
      constructing.appended++;
      return append.call(this, source, { ...data, date: constructing.date });
    };
    wrapped = true;
  }
  const wall = new Date(now.getTime() + 7 * 3600_000);
  const stamp = (constructing = { date: wall, appended: 0 });
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  try {
    workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  } finally {
    constructing = undefined;
  }
  const zip = zipOf(workbook);
  const append = zip.append.bind(zip);
  // Parts handed to the zip, and parts it has compressed and written out ('entry', archiver's own event).
  let appended = stamp.appended;
  let processed = 0;
  zip.append = (source, data) => {
    appended++;
    return append(source, { ...data, date: wall });
  };
  zip.on('entry', () => processed++);
  // once() rejects if the archive fails meanwhile, so a broken zip cannot leave the export waiting.
  const zipped = async (backlog: number) => {
    while (appended - processed > backlog) await once(zip, 'entry');
  };
  return { workbook, zipped };
}

function writeFormSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, form: FormSheet): void {
  const { layout } = form;
  const headerTop = HEADER_TOP;
  const numberingRow = headerTop + layout.headerDepth;
  const sheet = workbook.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: layout.firstDataColumn - 1,
        ySplit: numberingRow,
        topLeftCell: address(numberingRow + 1, layout.firstDataColumn),
        activeCell: address(numberingRow + 1, layout.firstDataColumn),
      },
    ],
    // No horizontalCentered: the streaming writer does not write <printOptions>, so it would be lost.
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerTop}:${numberingRow}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&9Trang &P/&N' },
  });
  sheet.columns = [...layout.labelColumns, ...layout.dataColumns].map((c) => ({ width: c.width }));

  writeTop(sheet, form);
  const last = writeTable(sheet, form.table, form.values, headerTop);
  writeBottom(sheet, form, last + 2);
  sheet.commit();
  releaseCommitted(workbook, sheet);
}

/**
 * After a sheet is committed the streaming writer still keeps its worksheet object (columns, merges,
 * styles by cell, the sheet's stream buffer) until the workbook ends, about 30 KB a sheet: a national
 * package's memory grew with its 10,000 sheets. What the workbook's last parts read of a sheet
 * (workbook.xml, its rels, [Content_Types].xml, docProps/app.xml and the print titles' defined names)
 * is its id, name, state, rId and print ranges: keep only those.
 */
function releaseCommitted(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet): void {
  const sheets = (workbook as unknown as { _worksheets: unknown[] })._worksheets;
  const { id, name, state, pageSetup } = sheet;
  if (sheets[id] !== sheet) return;
  const { printArea, printTitlesRow, printTitlesColumn } = pageSetup;
  sheets[id] = { id, name, state, committed: true, pageSetup: { printArea, printTitlesRow, printTitlesColumn } };
}

/** Lines 1–7: agency and national title, unit code and motto, form number, title, period, unit of measure. */
function writeTop(sheet: Sheet, form: FormSheet): void {
  const { data, layout } = form;
  const template = data.template;
  const { left, right } = corners(layout);
  const authority = authorityHeading(form.unit);
  put(sheet, 1, left, authority, textStyle({ bold: true, horizontal: 'center', wrap: true }));
  put(sheet, 1, right, NATIONAL_TITLE, textStyle({ bold: true, horizontal: 'center', wrap: true }));
  // Capitals are wider than the average letter: count them as a third wider.
  const lines = Math.max(textLines(authority, spanWidth(layout, left) / 1.3, true), textLines(NATIONAL_TITLE, spanWidth(layout, right) / 1.3, true));
  sheet.getRow(1).height = heightFor(lines);
  put(sheet, 2, left, `Mã đơn vị: ${form.unit.code}`, textStyle({ italic: true, horizontal: 'center' }));
  put(sheet, 2, right, MOTTO, textStyle({ bold: true, horizontal: 'center' }));
  put(sheet, 3, left, template.formNumber, textStyle({ bold: true, horizontal: 'center', wrap: true }));
  put(sheet, 3, right, templateLine(template), textStyle({ italic: true, size: 9, horizontal: 'center', wrap: true }));
  const all: [number, number] = [1, layout.columnCount];
  put(sheet, 4, all, template.title, textStyle({ bold: true, size: 13, horizontal: 'center', wrap: true }));
  // The title is set larger than the body: count it as a third wider.
  sheet.getRow(4).height = Math.max(20, textLines(template.title, spanWidth(layout, all) / 1.3, true) * 19);
  const round = hasRounds(data) ? ` (${ROUND_LABELS[form.round]})` : '';
  put(sheet, 5, all, `Kỳ báo cáo: ${data.period.label}${round}`, textStyle({ bold: true, horizontal: 'center' }));
  put(sheet, 6, all, periodLine(data.period), textStyle({ italic: true, horizontal: 'center' }));
  if (layout.unitLine !== undefined) put(sheet, 7, right, layout.unitLine, textStyle({ italic: true, horizontal: 'right' }));
}

/** Says on the printed form that a project-defined template is not a ministry's form (domain.md). */
export const PROJECT_FORM_NOTE = 'Mẫu riêng của Hệ thống thông tin báo cáo, không phải biểu mẫu do bộ, ngành ban hành';

function templateLine(template: FormSheet['data']['template']): string {
  const line = `Mẫu ${template.id}, phiên bản ${template.version}`;
  return template.definedBy === 'project' ? `${line}. ${PROJECT_FORM_NOTE}` : line;
}

/** Under the table: completeness or status, then, on the roll-up, the place, date and signatures. */
function writeBottom(sheet: Sheet, form: FormSheet, first: number): void {
  const { left, right } = corners(form.layout);
  const all: [number, number] = [1, form.layout.columnCount];
  let row = first;
  // The template's notes (ghi chú, cách ghi biểu) under every sheet's table, as on the paper form.
  const width = spanWidth(form.layout, all);
  const wrapped = (text: string, style: Partial<ExcelJS.Style>) => {
    put(sheet, row, all, text, style);
    sheet.getRow(row++).height = heightFor(textLines(text, width, false));
  };
  for (const note of form.data.template.notes ?? []) wrapped(note.title ? `${note.title}: ${note.text}` : note.text, textStyle({ italic: true, horizontal: 'left', wrap: true }));
  for (const note of form.notes) put(sheet, row++, all, note, textStyle({ horizontal: 'left' }));
  // The narrative sections (mẫu đề cương) of a unit's report, headed, after its figures.
  for (const section of form.sections ?? []) {
    put(sheet, row++, all, section.title, textStyle({ bold: true, horizontal: 'left' }));
    wrapped(section.text, textStyle({ horizontal: 'left', wrap: true }));
  }
  if (!form.signed) return;
  row++;
  put(sheet, row++, right, placeAndDate(form.now), textStyle({ italic: true, horizontal: 'center' }));
  put(sheet, row, left, 'NGƯỜI LẬP BIỂU', textStyle({ bold: true, horizontal: 'center' }));
  put(sheet, row++, right, 'THỦ TRƯỞNG ĐƠN VỊ', textStyle({ bold: true, horizontal: 'center' }));
  put(sheet, row, left, '(Ký, ghi rõ họ tên)', textStyle({ italic: true, horizontal: 'center' }));
  put(sheet, row, right, '(Ký, đóng dấu, ghi rõ họ tên)', textStyle({ italic: true, horizontal: 'center' }));
}

/**
 * The top-left block (authority, signer) spans the code and label columns; the top-right block (form
 * number, place and date, head's signature) spans enough of the last columns for those lines.
 */
function corners(layout: FormLayout): { left: [number, number]; right: [number, number] } {
  const widths = [...layout.labelColumns, ...layout.dataColumns].map((c) => c.width);
  const leftEnd = Math.min(2, layout.columnCount - 1);
  let rightStart = layout.columnCount;
  let width = widths[rightStart - 1] ?? 0;
  while (rightStart > leftEnd + 1 && width < RIGHT_BLOCK_WIDTH) width += widths[--rightStart - 1] ?? 0;
  return { left: [1, leftEnd], right: [rightStart, layout.columnCount] };
}

function spanWidth(layout: FormLayout, [from, to]: [number, number]): number {
  return [...layout.labelColumns, ...layout.dataColumns].slice(from - 1, to).reduce((sum, c) => sum + c.width, 0);
}

function put(sheet: Sheet, row: number, [from, to]: [number, number], text: string, style: Partial<ExcelJS.Style>): void {
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.style = style;
  if (to > from) sheet.mergeCells(row, from, row, to);
}

function address(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}
