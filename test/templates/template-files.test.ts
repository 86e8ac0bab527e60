// Every template file in report-templates/ is valid: schema, naming, Decree 09 metadata, deadlines and formulas.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateFileSchema, type TemplateFile } from '../../schema/template';
import { checkDeadlineRules, createHolidayCalendar, periodFromId, VN_CIVIL_SERVICE_DAYS_OFF } from '../../domain/periods';
import { compileTemplate } from '../../domain/template';
import { listTemplateFiles } from './template-files';

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

    it('has deadlines that meet Decree 09 Art. 8(5) and Art. 13 in every period of 2020–2027', () => {
      const t = parsed(file.json);
      expect(checkDeadlineRules(t, t.regime.deadlineWorkingDays, calendar, YEARS)).toEqual([]);
    });

    it('gives a deadline to every level that reports or aggregates, and none to the district after 30/06/2025', () => {
      const t = parsed(file.json);
      const deadlines = t.regime.deadlineWorkingDays;
      for (const span of t.regime.reporters) {
        for (const level of span.levels) expect(deadlines[level], `${level} deadline`).toBeGreaterThanOrEqual(1);
        if (span.from !== undefined && span.from >= '2025-07-01') expect(span.levels).not.toContain('district');
      }
      expect(deadlines.province, 'the province rolls every report up').toBeGreaterThanOrEqual(1);
    });

    it('cites Decree 09/2019/NĐ-CP and the province regime, with ISO dates', () => {
      const t = parsed(file.json);
      const numbers = t.regime.legalBasis.map((d) => d.number);
      expect(numbers).toContain('09/2019/NĐ-CP');
      expect(numbers).toContain('01/2020/QĐ-UBND');
      expect(t.regime.legalBasis.find((d) => d.number === '09/2019/NĐ-CP')?.date).toBe('2019-01-24');
      expect(t.regime.legalBasis.find((d) => d.number === '01/2020/QĐ-UBND')?.date).toBe('2020-01-07');
    });

    it('has narrative sections with unique keys, and unique rule ids', () => {
      const t = parsed(file.json);
      const sections = t.sections ?? [];
      expect(sections.map((s) => s.title)).toEqual(expect.arrayContaining(['Đánh giá chung', 'Khó khăn, vướng mắc', 'Kiến nghị, đề xuất']));
      expect(new Set(sections.map((s) => s.key)).size).toBe(sections.length);
      const ids = (t.rules ?? []).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
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
