// Reads template files and refuses a broken one with a message that names the file, the place in it
// and the fix: JSON syntax, the valibot schema, the formulas, the period and the Art. 8(5)/13 deadlines.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import * as v from 'valibot';
import { type Rounds, TemplateFileSchema, type TemplateFile } from '../../schema/template';
import {
  checkDeadlineRules,
  checkRoundDeadlines,
  type DeadlineFields,
  deadlineRulesOf,
  type HolidayCalendar,
  periodFromId,
  type PeriodSpec,
  VN_DAYS_OFF_YEARS,
} from '../../domain/periods';
import { compileTemplate } from '../../domain/template/compile';
import { crossRuleProblems } from '../../domain/template/cross-rules';
import { lineageProblems } from '../../domain/template/lineage';
import type { CompiledTemplate } from '../../domain/template/types';

export interface ReadTemplate {
  file: TemplateFile;
  compiled: CompiledTemplate;
  spec: PeriodSpec;
  hash: string;
  /** Where it came from, for messages: a path under report-templates/, or the database. */
  source: string;
}

export interface LoadProblem {
  path: string;
  /** English, second; the Vietnamese, shown first, is messageVi (a general line when a check has none). */
  message: string;
  fix: string;
  messageVi?: string;
  fixVi?: string;
}

/** Problems from the formula compiler and the schema carry English only: a Vietnamese line leads them. */
const GENERAL_VI = { messageVi: 'mẫu có lỗi cấu trúc hoặc công thức (chi tiết bằng tiếng Anh dưới đây)', fixVi: 'xem report-templates/README.md' };

/** One problem as the start-up and `npm run templates:check` print it: Vietnamese first, English second. */
export function formatProblem(p: LoadProblem): string {
  const where = p.path ? `${p.path}: ` : '';
  return (
    `  - ${where}${p.messageVi ?? GENERAL_VI.messageVi}\n` +
    `    ${p.message}\n` +
    `    cách sửa: ${p.fixVi ?? GENERAL_VI.fixVi}\n` +
    `    fix: ${p.fix}`
  );
}

export class TemplateLoadError extends Error {
  readonly problems: LoadProblem[];
  constructor(
    readonly source: string,
    path: string | LoadProblem[],
    message = '',
    fix = '',
    vi: { messageVi?: string; fixVi?: string } = {},
  ) {
    const problems = typeof path === 'string' ? [{ path, message, fix, ...vi }] : path;
    super(`Mẫu báo cáo ${source} bị từ chối / template ${source} is refused:\n` + problems.map(formatProblem).join('\n'));
    this.name = 'TemplateLoadError';
    this.problems = problems;
  }
}

/** Every <id>/<version>.json under dir, checked; the first broken file stops start-up. */
export async function readTemplateFiles(dir: string, holidays: HolidayCalendar): Promise<ReadTemplate[]> {
  const out: ReadTemplate[] = [];
  for (const folder of await templateFolders(dir)) {
    for (const path of await templateFilesIn(folder)) out.push(await readTemplateFile(path, holidays));
  }
  return out;
}

/** The template folders under dir (one per template id), in name order. */
export async function templateFolders(dir: string): Promise<string[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory());
  return folders.map((d) => d.name).sort((a, b) => a.localeCompare(b)).map((name) => join(dir, name));
}

/** The version files of one template folder, in name order. */
export async function templateFilesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((f) => f.endsWith('.json')).sort().map((name) => join(folder, name));
}

/** One <id>/<version>.json, checked as start-up checks it: refused with a TemplateLoadError. */
export async function readTemplateFile(path: string, holidays: HolidayCalendar): Promise<ReadTemplate> {
  const folder = basename(dirname(path));
  const name = basename(path);
  const source = relative(process.cwd(), path) || path;
  const body = parseJson(await readFile(path, 'utf8'), source);
  const read = checkTemplateBody(body, source, holidays);
  if (read.file.id !== folder) {
    throw new TemplateLoadError(source, 'id', `the id "${read.file.id}" differs from its folder "${folder}"`, `rename the folder or set "id": "${folder}"`, {
      messageVi: `mã mẫu "${read.file.id}" khác tên thư mục "${folder}"`,
      fixVi: `đổi tên thư mục hoặc ghi "id": "${folder}"`,
    });
  }
  if (basename(name, '.json') !== String(read.file.version)) {
    throw new TemplateLoadError(source, 'version', `the version ${read.file.version} differs from the file name "${name}"`, `name the file ${read.file.version}.json, one file per version`, {
      messageVi: `phiên bản ${read.file.version} khác tên tệp "${name}"`,
      fixVi: `đặt tên tệp là ${read.file.version}.json, mỗi phiên bản một tệp`,
    });
  }
  return read;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    let where = '';
    if (position !== undefined) {
      const before = text.slice(0, Number(position)).split('\n');
      where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    }
    throw new TemplateLoadError(source, where, `the file is not valid JSON (${message})`, 'correct the JSON syntax there (a missing comma or quote is the usual cause)', {
      messageVi: `tệp không đúng cú pháp JSON${where ? ` (${where.replace('line', 'dòng').replace('column', 'cột')})` : ''}`,
      fixVi: 'sửa cú pháp JSON tại đó (thường do thiếu dấu phẩy hoặc dấu nháy)',
    });
  }
}

/** Turns valibot's "rows.3.code" into "rows[3].code". */
const pathOf = (issue: v.BaseIssue<unknown>) =>
  (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');

/** A schema issue as a load problem: a missing field, an unknown key, or a bad value. */
function schemaProblem(issue: v.BaseIssue<unknown>): LoadProblem {
  const path = pathOf(issue);
  if (issue.type === 'strict_object' && issue.received === 'undefined') {
    return {
      path,
      message: 'a required field is missing',
      fix: 'add the field (see report-templates/README.md §2)',
      messageVi: 'thiếu trường bắt buộc',
      fixVi: 'thêm trường này (xem mục 2 của report-templates/README.md)',
    };
  }
  if (issue.type === 'strict_object') {
    return {
      path,
      message: `unknown key ${issue.received}`,
      fix: 'remove the key or correct its spelling (see report-templates/template.schema.json)',
      messageVi: `trường không có trong định dạng mẫu: ${issue.received}`,
      fixVi: 'bỏ trường này hoặc sửa lại chính tả (xem report-templates/template.schema.json)',
    };
  }
  return {
    path,
    message: issue.message,
    fix: 'see report-templates/README.md for the field',
    messageVi: `giá trị không đúng định dạng mẫu (${issue.message})`,
    fixVi: 'xem mô tả trường trong report-templates/README.md',
  };
}

export function checkTemplateBody(body: unknown, source: string, holidays: HolidayCalendar): ReadTemplate {
  const parsed = v.safeParse(TemplateFileSchema, body);
  if (!parsed.success) {
    throw new TemplateLoadError(
      source,
      parsed.issues.slice(0, 20).map((issue) => schemaProblem(issue)),
    );
  }
  const file = parsed.output;
  if (file.expandedFor !== undefined) {
    throw new TemplateLoadError(source, 'expandedFor', '"expandedFor" is set by the system when it writes lists out, never in a file', 'remove "expandedFor"');
  }
  const compiled = compileTemplate(file);
  if (!compiled.ok) throw new TemplateLoadError(source, compiled.problems);

  const spec: PeriodSpec = { frequency: file.frequency, calendar: file.calendar, adhocPeriods: file.adhocPeriods };
  const problems: LoadProblem[] = [];
  if (!periodFromId(spec, file.effectiveFrom)) {
    problems.push({
      path: 'effectiveFrom',
      message: `"${file.effectiveFrom}" is not a ${file.frequency} period id`,
      fix: 'write the first period of this version, e.g. 202601 (monthly), 2026Q1, 2026S1, 2026N9 or 2026',
      messageVi: `"${file.effectiveFrom}" không phải mã kỳ ${file.frequency}`,
      fixVi: 'ghi kỳ đầu tiên áp dụng phiên bản này, ví dụ 202601 (tháng), 2026Q1, 2026S1, 2026N9 hoặc 2026',
    });
  }
  for (const [path] of strings(body).filter(([, text]) => text !== text.normalize('NFC'))) {
    problems.push({
      path,
      message: 'the text is in decomposed Unicode (a letter and its accents as separate characters), which fonts and search treat as other letters',
      fix: 'save it in precomposed Unicode (NFC): retype it, or convert the file with a Unicode (NFC) tool',
      messageVi: 'chữ tiếng Việt ở dạng Unicode tổ hợp (chữ và dấu là các ký tự riêng), phông chữ và tìm kiếm coi là chữ khác',
      fixVi: 'lưu ở dạng Unicode dựng sẵn (NFC): gõ lại, hoặc chuyển mã tệp sang Unicode dựng sẵn',
    });
  }
  if (file.definedBy === 'project' && looksLikeOfficialNumber(file.formNumber)) {
    problems.push({
      path: 'formNumber',
      message: `"${file.formNumber}" looks like the number of a form issued by a ministry or a legal document, but the form is this system's own (definedBy "project")`,
      fix: 'give it a number of the system\'s own, without "số NN/…", e.g. "Mẫu HTBC-KTXH-X"',
      messageVi: `"${file.formNumber}" giống số hiệu biểu mẫu của bộ, ngành hoặc ban hành kèm văn bản, nhưng đây là mẫu riêng của Hệ thống (definedBy "project")`,
      fixVi: 'đặt số hiệu riêng của Hệ thống, không theo dạng "số NN/…", ví dụ "Mẫu HTBC-KTXH-X"',
    });
  }
  const years = Array.from({ length: VN_DAYS_OFF_YEARS.to - VN_DAYS_OFF_YEARS.from + 1 }, (_, i) => VN_DAYS_OFF_YEARS.from + i);
  for (const p of checkDeadlineRules(spec, deadlineRulesOf(file.regime), holidays, years)) {
    const field = p.level !== undefined && file.regime.deadlineDays?.[p.level] !== undefined && file.regime.deadlineWorkingDays[p.level] === undefined ? 'deadlineDays' : 'deadlineWorkingDays';
    problems.push({ path: `regime.${field}${p.level ? `.${p.level}` : ''}`, message: p.message, fix: p.fix, messageVi: p.messageVi, fixVi: p.fixVi });
  }
  problems.push(...roundProblems('regime', spec, file.regime, holidays, years));
  problems.push(...collectionProblems(file, holidays, years));
  if (problems.length > 0) throw new TemplateLoadError(source, problems);
  return { file, compiled: compiled.template, spec, hash: createHash('sha256').update(JSON.stringify(file)).digest('hex'), source };
}

/** Further frequencies of the version: each distinct, regular, and with deadlines that pass as the main ones do. */
function collectionProblems(file: TemplateFile, holidays: HolidayCalendar, years: number[]): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const seen = new Set<string>([file.frequency]);
  for (const [i, c] of (file.collections ?? []).entries()) {
    const at = `collections[${i}]`;
    if (file.frequency === 'adhoc' || seen.has(c.frequency)) {
      problems.push({
        path: `${at}.frequency`,
        message: file.frequency === 'adhoc' ? 'an ad hoc report has no further frequencies' : `the form is already collected ${c.frequency}`,
        fix: file.frequency === 'adhoc' ? 'remove "collections"' : 'give each collection a frequency of its own, other than the template\'s',
        messageVi: file.frequency === 'adhoc' ? 'báo cáo đột xuất không có kỳ báo cáo khác' : `biểu đã được thu theo kỳ ${c.frequency}`,
        fixVi: file.frequency === 'adhoc' ? 'bỏ "collections"' : 'mỗi lần thu một kỳ báo cáo riêng, khác kỳ của mẫu',
      });
    }
    seen.add(c.frequency);
    const spec: PeriodSpec = { frequency: c.frequency, calendar: file.calendar };
    for (const p of checkDeadlineRules(spec, deadlineRulesOf(c), holidays, years)) {
      const field = p.level !== undefined && c.deadlineDays?.[p.level] !== undefined && c.deadlineWorkingDays[p.level] === undefined ? 'deadlineDays' : 'deadlineWorkingDays';
      problems.push({ path: `${at}.${field}${p.level ? `.${p.level}` : ''}`, message: p.message, fix: p.fix, messageVi: p.messageVi, fixVi: p.fixVi });
    }
    problems.push(...roundProblems(at, spec, c, holidays, years));
  }
  return problems;
}

/** A preliminary round (số ước) of the regime or a collection, at `at`: checkRoundDeadlines' problems. */
function roundProblems(at: string, spec: PeriodSpec, fields: DeadlineFields & { rounds?: Rounds }, holidays: HolidayCalendar, years: number[]): LoadProblem[] {
  const round = fields.rounds?.preliminary;
  if (!round) return [];
  return checkRoundDeadlines(spec, deadlineRulesOf(fields), deadlineRulesOf(round), holidays, years).map((p) => {
    const field = p.level === undefined ? '' : round.deadlineDays?.[p.level] !== undefined && round.deadlineWorkingDays[p.level] === undefined ? `.deadlineDays.${p.level}` : `.deadlineWorkingDays.${p.level}`;
    return { path: `${at}.rounds.preliminary${field}`, message: p.message, fix: p.fix, messageVi: p.messageVi, fixVi: p.fixVi };
  });
}

/** Every string in a JSON value, with where it is ("rows[3].label"). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** "Biểu số 06/VPCP/KSTT", "01/CQS", "Mẫu số 02/TCD": a number, a slash and capitals, as ministries write them. */
export const looksLikeOfficialNumber = (formNumber: string): boolean => /\d+\s*\/\s*[A-ZĐ]/u.test(formNumber);

/** Checks across the versions of each template: same calendar and frequency, effective dates in order. */
export function checkTemplateSet(all: ReadTemplate[]): void {
  const byId = new Map<string, ReadTemplate[]>();
  for (const t of all) byId.set(t.file.id, [...(byId.get(t.file.id) ?? []), t]);
  // A cross-template rule reads the other template's latest version (a later version keeps its codes or
  // declares them in `was`).
  const latestFile = (id: string) => byId.get(id)?.reduce((a, b) => (b.file.version > a.file.version ? b : a)).file;
  for (const t of all) {
    const problems = crossRuleProblems(t.file, latestFile);
    if (problems.length > 0) throw new TemplateLoadError(t.source, problems);
  }
  for (const list of byId.values()) {
    list.sort((a, b) => a.file.version - b.file.version);
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const t = list[i]!;
      if (t.file.version !== before.file.version + 1) {
        throw new TemplateLoadError(t.source, 'version', `version ${t.file.version} follows version ${before.file.version}: a version is missing`, `number the versions 1, 2, 3, … without gaps; each declares its lineage against the one before`, {
          messageVi: `phiên bản ${t.file.version} đứng sau phiên bản ${before.file.version}: thiếu một phiên bản`,
          fixVi: 'đánh số phiên bản 1, 2, 3, … liên tục; mỗi phiên bản khai báo nối tiếp (was) với phiên bản trước',
        });
      }
      const lineage = lineageProblems(before.compiled, t.compiled);
      if (lineage.length > 0) throw new TemplateLoadError(t.source, lineage);
      if (t.file.frequency !== before.file.frequency || t.file.calendar !== before.file.calendar) {
        throw new TemplateLoadError(t.source, 'frequency', `version ${t.file.version} changes the frequency or calendar of version ${before.file.version}`, 'a new frequency is a new template: give it its own folder and id', {
          messageVi: `phiên bản ${t.file.version} đổi kỳ báo cáo hoặc cách tính kỳ so với phiên bản ${before.file.version}`,
          fixVi: 'kỳ báo cáo mới là một mẫu mới: đặt thư mục và mã mẫu riêng',
        });
      }
      const a = periodFromId(before.spec, before.file.effectiveFrom);
      const b = periodFromId(t.spec, t.file.effectiveFrom);
      if (a && b && b.start <= a.start) {
        throw new TemplateLoadError(t.source, 'effectiveFrom', `version ${t.file.version} takes effect from ${t.file.effectiveFrom}, not after version ${before.file.version} (${before.file.effectiveFrom})`, `set "effectiveFrom" to a period after ${before.file.effectiveFrom}`, {
          messageVi: `phiên bản ${t.file.version} áp dụng từ kỳ ${t.file.effectiveFrom}, không sau phiên bản ${before.file.version} (${before.file.effectiveFrom})`,
          fixVi: `ghi "effectiveFrom" là một kỳ sau ${before.file.effectiveFrom}`,
        });
      }
    }
  }
}
