// The worked example in report-templates/README.md stays a valid template as the format evolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RuleSchema, TemplateFileSchema } from '../../schema/template';
import {
  checkDeadlineRules,
  checkRoundDeadlines,
  collectionsOf,
  createHolidayCalendar,
  deadlineRulesForPeriod,
  deadlineRulesOf,
  deadlinesFor,
  periodFromId,
  VN_CIVIL_SERVICE_DAYS_OFF,
} from '../../domain/periods';
import { checkRules, compileTemplate } from '../../domain/template';
import { cellValues, compiled, contextFor } from './report-context';
import { loadTemplate, TEMPLATES_DIR } from './template-files';

const readme = readFileSync(join(TEMPLATES_DIR, 'README.md'), 'utf8');

/** The JSON code block that follows a marker in the README. */
function jsonAfter(marker: string): unknown {
  const from = readme.indexOf(marker);
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(from));
  if (from < 0 || block?.[1] === undefined) throw new Error(`no JSON block after ${marker}`);
  return JSON.parse(block[1]) as unknown;
}

describe('README worked example (tiep-cong-dan-xa)', () => {
  const file = v.parse(TemplateFileSchema, jsonAfter('**Bước 1.**'));

  it('parses, compiles and meets the deadline rules', () => {
    const result = compileTemplate(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(checkDeadlineRules(file, deadlineRulesOf(file.regime), createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF), [2025, 2026, 2027])).toEqual([]);
  });

  it('checks its rule as the guide says', () => {
    const ct = compiled(file);
    const stored = new Map([['2026Q1', cellValues({ '2': { ky_nay: 10 }, '2.1': { ky_nay: 12 } })]]);
    expect(checkRules(ct, contextFor(file, '2026Q1', stored))).toEqual([
      expect.objectContaining({ row: '2.1', col: 'ky_nay', code: 'eligible-le-received', severity: 'error' }),
    ]);
  });

  it.each([
    ['Ví dụ (Biểu 06):', 'bieu-06-vpcp-kstt/1.json'],
    ['Quy tắc "dòng Trong đó không lớn hơn dòng tổng"', 'kinh-te-xa-hoi-xa/1.json'],
  ])('shows a rule (%s) that compiles in %s', (marker, name) => {
    const rule = v.parse(RuleSchema, jsonAfter(marker));
    const result = compileTemplate({ ...loadTemplate(name), rules: [rule] });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('README worked examples of deadlines and project-defined forms', () => {
  const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);

  it('the fixed-day example is what chinh-quyen-so/2.json declares, and puts 2027S1 on 05/07/2027', () => {
    const example = jsonAfter('**Ví dụ hạn gửi ngày cố định**') as Record<string, unknown>;
    const file = loadTemplate('chinh-quyen-so/2.json');
    expect(file.regime).toMatchObject(example);
    const period = periodFromId(file, '2027S1')!;
    expect(deadlinesFor(period, deadlineRulesOf(file.regime), calendar).province).toBe('2027-07-05');
  });

  it('the report-to-the-Government example gives the province the 25th of the last month', () => {
    const example = jsonAfter('**Ví dụ báo cáo gửi Chính phủ chỉ ghi hạn cấp xã**') as Parameters<typeof deadlineRulesOf>[0];
    const period = periodFromId({ frequency: 'quarterly', calendar: 'decree09' }, '2026Q3')!;
    expect(deadlinesFor(period, deadlineRulesOf(example), calendar)).toEqual({ commune: '2026-09-16', province: '2026-09-25' });
  });

  it('the project-defined example is what kinh-te-xa-hoi-xa/2.json declares', () => {
    expect(loadTemplate('kinh-te-xa-hoi-xa/2.json')).toMatchObject(jsonAfter('**Ví dụ mẫu riêng**') as Record<string, unknown>);
  });
});

describe('README worked example of several frequencies', () => {
  it('is what tiep-cong-dan-xa/3.json declares, and each collection passes the deadline checks', () => {
    const example = jsonAfter('**Ví dụ một biểu nhiều kỳ**') as object[];
    const file = loadTemplate('tiep-cong-dan-xa/3.json');
    expect(file.collections).toMatchObject(example);
    const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
    for (const c of collectionsOf(file)) expect(checkDeadlineRules(c, c.rules, calendar, [2027]), c.frequency).toEqual([]);
  });
});

describe('README worked example of rounds (số ước, số chính thức)', () => {
  it('is what kinh-te-xa-hoi-xa/3.json declares, with the deadlines the guide gives for 202707, and passes the checks', () => {
    const example = jsonAfter('**Ví dụ số ước và số chính thức**') as Record<string, unknown>;
    const file = loadTemplate('kinh-te-xa-hoi-xa/3.json');
    expect(file.regime).toMatchObject(example);
    const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
    const period = periodFromId(file, '202707')!;
    expect(deadlinesFor(period, deadlineRulesForPeriod(file, '202707', 'preliminary'), calendar).commune).toBe('2027-07-15');
    expect(deadlinesFor(period, deadlineRulesForPeriod(file, '202707', 'official'), calendar).commune).toBe('2027-08-05');
    const [main] = collectionsOf(file);
    expect(checkRoundDeadlines(file, main!.rules, main!.preliminary!, calendar, [2027])).toEqual([]);
  });
});
