// Builders for small template files and monthly evaluation contexts used by the template tests.
import * as v from 'valibot';
import { TemplateFileSchema, type TemplateFile } from '../../../schema/template';
import { cellKey, type CellValues } from '../../../domain/template/cell-key';
import { compileTemplate } from '../../../domain/template/compile';
import type { EvalContext } from '../../../domain/template/evaluator';
import type { CompiledTemplate } from '../../../domain/template/types';

type Parts = Pick<TemplateFile, 'columns' | 'rows'> & Partial<TemplateFile>;

/** A valid template file around the given rows and columns; parsed with the real schema. */
export function templateFile(parts: Parts): TemplateFile {
  return v.parse(TemplateFileSchema, {
    id: 'test-template',
    version: 1,
    effectiveFrom: '202401',
    formNumber: 'Biểu thử nghiệm',
    title: 'Biểu thử nghiệm',
    frequency: 'monthly',
    calendar: 'decree09',
    regime: {
      name: 'Chế độ báo cáo thử nghiệm',
      kind: 'periodic',
      content: 'Thử nghiệm',
      reporters: [{ levels: ['commune'] }],
      recipient: 'UBND tỉnh',
      method: 'Hệ thống thông tin báo cáo',
      cutoff: 'Ngày 14 hằng tháng',
      deadlineWorkingDays: { commune: 1, province: 3 },
      legalBasis: [{ number: '09/2019/NĐ-CP', date: '2019-01-24' }],
    },
    ...parts,
  });
}

export function compile(parts: Parts): CompiledTemplate {
  const result = compileTemplate(templateFile(parts));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.template;
}

/** Values from [row, col, value] triples. */
export function values(...cells: [string, string, number | string][]): CellValues {
  return new Map(cells.map(([row, col, value]) => [cellKey(row, col), value]));
}

/** Monthly periods 'YYYYMM'; `data` maps a period to its stored inputs (absent = no report). */
export function monthly(periodId: string, data: Record<string, CellValues>): EvalContext & { reads: string[] } {
  const reads: string[] = [];
  const shift = (id: string, months: number): string => {
    const total = Number(id.slice(0, 4)) * 12 + Number(id.slice(4)) - 1 + months;
    return `${Math.floor(total / 12)}${String((total % 12) + 1).padStart(2, '0')}`;
  };
  return {
    periodId,
    reads,
    inputs: (id) => {
      reads.push(id);
      return data[id];
    },
    previousPeriodId: (id) => shift(id, -1),
    samePeriodLastYearId: (id) => shift(id, -12),
    periodsOfYearUpTo: (id) => Array.from({ length: Number(id.slice(4)) }, (_, i) => `${id.slice(0, 4)}${String(i + 1).padStart(2, '0')}`),
  };
}

/** The value of one cell of a grid. */
export function at(grid: CellValues, row: string, col: string): number | string | undefined {
  return grid.get(cellKey(row, col));
}
