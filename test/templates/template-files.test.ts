// Every template file in report-templates/ passes the start-up checks, is listed in the guide, and states the facts domain.md gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TemplateFileSchema, type TemplateFile } from '../../schema/template';
import { createHolidayCalendar, VN_CIVIL_SERVICE_DAYS_OFF } from '../../domain/periods';
import { checkTemplateBody, checkTemplateSet, looksLikeOfficialNumber } from '../../server/templates/read-templates';
import { listTemplateFiles, TEMPLATES_DIR } from './template-files';

const files = listTemplateFiles();
const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);

function parsed(json: unknown): TemplateFile {
  const result = v.safeParse(TemplateFileSchema, json);
  if (!result.success) throw new Error(v.summarize(result.issues));
  return result.output;
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

  it('keep the versions of each template together as start-up does (numbering, lineage, frequency, effective order)', () => {
    const read = files.map((f) => checkTemplateBody(f.json, f.name, calendar));
    expect(() => checkTemplateSet(read)).not.toThrow();
  });
});

// Each file passes exactly the checks start-up makes (checkTemplateBody, the same function): what the guide
// calls optional (a provincial regime, sections, units, rule messages) no test asks of a template.
describe.each(files.map((f) => [f.name, f] as const))('%s', (name, file) => {
  it('passes the start-up checks: schema, formulas, period, deadlines (Art. 8(5); Art. 13 where it goes to the Government), Unicode', () => {
    expect(() => checkTemplateBody(file.json, name, calendar)).not.toThrow();
  });

  it('is named by its id and version', () => {
    const t = parsed(file.json);
    expect(t.id).toBe(file.folder);
    expect(t.version).toBe(file.fileVersion);
  });

  it('says when it is the project\'s own form, with a number unlike a ministry\'s', () => {
    const t = parsed(file.json);
    if (t.definedBy === 'project') expect(looksLikeOfficialNumber(t.formNumber), t.formNumber).toBe(false);
  });
});
