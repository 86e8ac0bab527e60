// The report template engine: compile a template file, compute a report, check its rules, roll it up.
export { cellKey, parseCellKey, type CellValues } from './cell-key';
export { compileTemplate } from './compile';
export { computeReport, createReportEvaluator, requiredPeriodIds, type EvalContext, type ReportEvaluator } from './evaluator';
export { checkRules } from './rules';
export { validateInputs, type InputIssueCode } from './validate-inputs';
export { aggregateInputs } from './aggregate';
export { lineageProblems, predecessorsOf, rowSeriesCodes, translateValues, type LineageHow, type Predecessor } from './lineage';
export { formatNumberVi, formatValueVi } from './format-vi';
export { cellLabel, columnLabel, rowLabel } from './labels';
export type { CellKind, CellSpec, CompileResult, CompiledRule, CompiledTemplate, RuleScope, TemplateProblem, TemporalUse } from './types';
