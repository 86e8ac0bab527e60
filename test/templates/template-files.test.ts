// Every template file in report-templates/ is valid: schema, naming, Decree 09 metadata, deadlines and formulas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateFileSchema, type TemplateFile } from '../../schema/template';
import { checkDeadlineRules, createHolidayCalendar, deadlineRulesOf, deadlinesFor, periodFromId, VN_CIVIL_SERVICE_DAYS_OFF } from '../../domain/periods';
import { looksLikeOfficialNumber } from '../../server/templates/read-templates';
import { compileTemplate } from '../../domain/template';
import { listTemplateFiles, TEMPLATES_DIR } from './template-files';

const files = listTemplateFiles();
const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

function parsed(json: unknown): TemplateFile {
  const result = v.safeParse(TemplateFileSchema, json);
  if (!result.success) throw new Error(v.summarize(result.issues));
  return result.output;
}

/** Every string in a JSON value, with where it is. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

describe('report template files', () => {
  it('exist for the three templates of the first release', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['bieu-06-vpcp-kstt/1.json', 'chinh-quyen-so/1.json', 'kinh-te-xa-hoi-xa/1.json']),
    );
  });

  it('are each listed in the guide, report-templates/README.md', () => {
    const guide = readFileSync(join(TEMPLATES_DIR, 'README.md'), 'utf8');
    expect(files.map((f) => f.name).filter((name) => !guide.includes(name))).toEqual([]);
  });

  it('mark the project-defined templates 01/CQS and 01/KTXH-X as such from their second version', () => {
    for (const name of ['chinh-quyen-so/2.json', 'kinh-te-xa-hoi-xa/2.json']) {
      const t = parsed(files.find((f) => f.name === name)?.json);
      expect(t.definedBy, name).toBe('project');
      expect(looksLikeOfficialNumber(t.formNumber), t.formNumber).toBe(false);
    }
  });

  it('cite the citizen-reception regime (Thông tư 02/2021/TT-TTCP, 22/03/2021) from tiep-cong-dan-xa version 3', () => {
    const t = parsed(files.find((f) => f.name === 'tiep-cong-dan-xa/3.json')?.json);
    expect(t.regime.legalBasis).toContainEqual(expect.objectContaining({ number: '02/2021/TT-TTCP', date: '2021-03-22' }));
  });

  describe.each(files.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    it('parses with the valibot template schema', () => {
      expect(() => parsed(file.json)).not.toThrow();
    });

    it('is named by its id and version, and takes effect in a period of its frequency', () => {
      const t = parsed(file.json);
      expect(t.id).toBe(file.folder);
      expect(t.version).toBe(file.fileVersion);
      expect(periodFromId(t, t.effectiveFrom), `effectiveFrom ${t.effectiveFrom}`).toBeDefined();
    });

    it('compiles with no problems', () => {
      const result = compileTemplate(parsed(file.json));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });

    it('has deadlines that meet Decree 09 Art. 8(5), and Art. 13 where it goes to the Government, in every period of 2020–2027', () => {
      const t = parsed(file.json);
      expect(checkDeadlineRules(t, deadlineRulesOf(t.regime), calendar, YEARS)).toEqual([]);
    });

    it('gives a deadline to every level that reports or aggregates, and none to the district after 30/06/2025', () => {
      const t = parsed(file.json);
      const p = periodFromId(t, t.effectiveFrom)!;
      const deadlines = deadlinesFor(p, deadlineRulesOf(t.regime), calendar);
      for (const span of t.regime.reporters) {
        if (span.to !== undefined && span.to < p.end) continue;
        for (const level of span.levels) expect(deadlines[level], `${level} deadline`).toBeDefined();
        if (span.from !== undefined && span.from >= '2025-07-01') expect(span.levels).not.toContain('district');
      }
      expect(deadlines.province, 'the province rolls every report up').toBeDefined();
    });

    // The guide (report-templates/README.md §2.1) asks for a legal basis that cites Decree 09 with its
    // date; a provincial regime and narrative sections are optional, so no test asks for them.
    it('cites Decree 09/2019/NĐ-CP with its date, and every document with an ISO date', () => {
      const t = parsed(file.json);
      expect(t.regime.legalBasis.find((d) => d.number === '09/2019/NĐ-CP')?.date).toBe('2019-01-24');
      for (const d of t.regime.legalBasis) expect(d.date, d.number).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('has unique section keys and unique rule ids', () => {
      const t = parsed(file.json);
      const sections = t.sections ?? [];
      expect(new Set(sections.map((s) => s.key)).size).toBe(sections.length);
      const ids = (t.rules ?? []).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('says when it is the project\'s own form, with a number unlike a ministry\'s', () => {
      const t = parsed(file.json);
      if (t.definedBy === 'project') expect(looksLikeOfficialNumber(t.formNumber), t.formNumber).toBe(false);
    });

    it('writes Vietnamese text in precomposed Unicode (NFC), as fonts and search expect', () => {
      const decomposed = strings(file.json).filter(([, s]) => s !== s.normalize('NFC'));
      expect(decomposed.map(([path]) => path)).toEqual([]);
    });

    it('gives every data row a unit, and every rule a Vietnamese message', () => {
      const t = parsed(file.json);
      const unitless = t.rows.filter((r) => !r.header && r.unit === undefined && t.defaults?.unit === undefined && t.unitOfMeasure === undefined);
      expect(unitless.map((r) => r.code)).toEqual([]);
      for (const rule of t.rules ?? []) expect(rule.message, rule.id).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
    });
  });
});
