// Cross-template rules on a report: the other template's report of the same unit and period, loaded and
// computed as its own view would be, against this one. A rule whose other report does not exist yet waits.
import type { Issue } from '../../schema/api';
import type { Round } from '../../schema/template';
import { periodFromId, type Period, roundsOfPeriod } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import { checkCrossRule } from '../../domain/template/cross-rules';
import { computeReport } from '../../domain/template/evaluator';
import type { TreeUnit } from '../../domain/unit-tree';
import { findReport, loadValues } from '../db/reports';
import type { AppDeps } from '../env';
import { listedFor, withOpenRows } from '../templates/expand';
import type { LoadedTemplate } from '../templates/registry';
import { buildEvalContext, unitInputLoader } from './report-values';

export async function crossIssues(deps: AppDeps, t: { template: LoadedTemplate; period: Period; unit: TreeUnit; round?: Round }, full: CellValues): Promise<Issue[]> {
  const rules = t.template.file.crossRules ?? [];
  const issues: Issue[] = [];
  for (const rule of rules) {
    const latest = deps.templates.latest(rule.template);
    const period = latest && periodFromId(latest.spec, t.period.id);
    if (!period) continue;
    // A preliminary report is compared with the other form's preliminary one where that form has the round.
    const round = t.round === 'preliminary' && roundsOfPeriod(latest.file, period.id).includes('preliminary') ? 'preliminary' : 'official';
    const row = await findReport(deps.store.db, rule.template, period.id, t.unit.id, round);
    const version = row && deps.templates.get(rule.template, row.templateVersion);
    if (!row || !version) continue;
    const values = (await loadValues(deps.store.db, [row.id])).get(row.id) ?? new Map();
    const tree = await deps.unitTrees.at(period.end);
    const other = withOpenRows(listedFor(version, tree, { ownUnit: t.unit.code, periodId: period.id }), values.keys());
    const ctx = await buildEvalContext(other, period, values, unitInputLoader(deps, other, t.unit));
    const issue = checkCrossRule(
      rule,
      { ct: t.template.compiled, full, formNumber: t.template.file.formNumber },
      { ct: other.compiled, full: computeReport(other.compiled, ctx), formNumber: other.file.formNumber },
    );
    if (issue) issues.push(issue);
  }
  return issues;
}
