// Reads template files and refuses a broken one with a message that names the file, the place in it
// and the fix: JSON syntax, the valibot schema, the formulas, the period and the Art. 8(5)/13 deadlines.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import * as v from 'valibot';
import { TemplateFileSchema, type TemplateFile } from '../../schema/template';
import {
  checkDeadlineRules,
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
  message: string;
  fix: string;
}

export class TemplateLoadError extends Error {
  readonly problems: LoadProblem[];
  constructor(
    readonly source: string,
    path: string | LoadProblem[],
    message = '',
    fix = '',
  ) {
    const problems = typeof path === 'string' ? [{ path, message, fix }] : path;
    super(
      `Template ${source} is refused:\n` +
        problems.map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.message}\n    fix: ${p.fix}`).join('\n'),
    );
    this.name = 'TemplateLoadError';
    this.problems = problems;
  }
}

/** Every <id>/<version>.json under dir, checked; the first broken file stops start-up. */
export async function readTemplateFiles(dir: string, holidays: HolidayCalendar): Promise<ReadTemplate[]> {
  const out: ReadTemplate[] = [];
  const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory());
  for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(dir, folder.name))).filter((f) => f.endsWith('.json')).sort();
    for (const name of files) {
      const path = join(dir, folder.name, name);
      const source = relative(process.cwd(), path) || path;
      const body = parseJson(await readFile(path, 'utf8'), source);
      const read = checkTemplateBody(body, source, holidays);
      if (read.file.id !== folder.name) {
        throw new TemplateLoadError(source, 'id', `the id "${read.file.id}" differs from its folder "${folder.name}"`, `rename the folder or set "id": "${folder.name}"`);
      }
      if (basename(name, '.json') !== String(read.file.version)) {
        throw new TemplateLoadError(source, 'version', `the version ${read.file.version} differs from the file name "${name}"`, `name the file ${read.file.version}.json, one file per version`);
      }
      out.push(read);
    }
  }
  return out;
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
    throw new TemplateLoadError(source, where, `the file is not valid JSON (${message})`, 'correct the JSON syntax there (a missing comma or quote is the usual cause)');
  }
}

/** Turns valibot's "rows.3.code" into "rows[3].code". */
const pathOf = (issue: v.BaseIssue<unknown>) =>
  (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');

export function checkTemplateBody(body: unknown, source: string, holidays: HolidayCalendar): ReadTemplate {
  const parsed = v.safeParse(TemplateFileSchema, body);
  if (!parsed.success) {
    throw new TemplateLoadError(
      source,
      parsed.issues.slice(0, 20).map((issue) => ({
        path: pathOf(issue),
        message: issue.type === 'strict_object' ? `unknown key ${issue.received}` : issue.message,
        fix:
          issue.type === 'strict_object'
            ? 'remove the key or correct its spelling (see report-templates/template.schema.json)'
            : 'see report-templates/README.md for the field',
      })),
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
    });
  }
  const years = Array.from({ length: VN_DAYS_OFF_YEARS.to - VN_DAYS_OFF_YEARS.from + 1 }, (_, i) => VN_DAYS_OFF_YEARS.from + i);
  for (const p of checkDeadlineRules(spec, file.regime.deadlineWorkingDays, holidays, years)) {
    problems.push({ path: `regime.deadlineWorkingDays${p.level ? `.${p.level}` : ''}`, message: p.message, fix: p.fix });
  }
  if (problems.length > 0) throw new TemplateLoadError(source, problems);
  return { file, compiled: compiled.template, spec, hash: createHash('sha256').update(JSON.stringify(file)).digest('hex'), source };
}

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
        throw new TemplateLoadError(t.source, 'version', `version ${t.file.version} follows version ${before.file.version}: a version is missing`, `number the versions 1, 2, 3, … without gaps; each declares its lineage against the one before`);
      }
      const lineage = lineageProblems(before.compiled, t.compiled);
      if (lineage.length > 0) throw new TemplateLoadError(t.source, lineage);
      if (t.file.frequency !== before.file.frequency || t.file.calendar !== before.file.calendar) {
        throw new TemplateLoadError(t.source, 'frequency', `version ${t.file.version} changes the frequency or calendar of version ${before.file.version}`, 'a new frequency is a new template: give it its own folder and id');
      }
      const a = periodFromId(before.spec, before.file.effectiveFrom);
      const b = periodFromId(t.spec, t.file.effectiveFrom);
      if (a && b && b.start <= a.start) {
        throw new TemplateLoadError(t.source, 'effectiveFrom', `version ${t.file.version} takes effect from ${t.file.effectiveFrom}, not after version ${before.file.version} (${before.file.effectiveFrom})`, `set "effectiveFrom" to a period after ${before.file.effectiveFrom}`);
      }
    }
  }
}
