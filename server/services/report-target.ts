// Resolves the (template, period, unit) of a report request: the template version, the period window,
// the unit in the tree of the period's last day, the stored report if any, and what the caller may do.
import type { Level } from '../../schema/template';
import type { SessionUser } from '../auth/sessions';
import { findReport, type ReportRow } from '../db/reports';
import { deadlinesFor, type Period, periodFromId } from '../../domain/periods';
import { reportingLevelsOn } from '../../domain/reporting-levels';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import { actorIn, type Permissions, permissionsFor } from '../../domain/workflow';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import type { LoadedTemplate } from '../templates/registry';

export interface ReportTarget {
  /** The version of this report: the one it was started with, else the one in force for the period. */
  template: LoadedTemplate;
  period: Period;
  tree: UnitTree;
  unit: TreeUnit;
  row: ReportRow | undefined;
  perms: Permissions;
  /** Whether the unit's level fills this form in this period (Art. 7 "đối tượng thực hiện"). */
  isReporter: boolean;
  deadline: string | null;
}

export function requireTemplate(deps: AppDeps, templateId: string): LoadedTemplate {
  const template = deps.templates.latest(templateId);
  if (!template) throw notFound('unknown-template', `Không có biểu mẫu "${templateId}".`);
  return template;
}

export function requirePeriod(template: LoadedTemplate, periodId: string): Period {
  const period = periodFromId(template.spec, periodId);
  if (!period) {
    throw notFound(
      'unknown-period',
      `Kỳ báo cáo "${periodId}" không hợp lệ với biểu mẫu ${template.file.formNumber} (${FREQUENCY_EXAMPLES[template.file.frequency]}).`,
    );
  }
  return period;
}

const FREQUENCY_EXAMPLES: Record<string, string> = {
  monthly: 'báo cáo tháng, ví dụ 202201',
  quarterly: 'báo cáo quý, ví dụ 2022Q1',
  'six-monthly': 'báo cáo 6 tháng, ví dụ 2022S1',
  'nine-month': 'báo cáo 9 tháng, ví dụ 2022N9',
  annual: 'báo cáo năm, ví dụ 2022',
  adhoc: 'kỳ do biểu mẫu quy định',
};

/** The deadline of a unit's level for a period, or null when the template sets none for it. */
export async function deadlineOf(deps: AppDeps, template: LoadedTemplate, period: Period, level: Level) {
  const deadlines = deadlinesFor(period, template.file.regime.deadlineWorkingDays, await deps.holidays.calendar());
  return deadlines[level] ?? null;
}

export async function resolveTarget(
  deps: AppDeps,
  user: SessionUser,
  templateId: string,
  periodId: string,
  unitCode: string,
): Promise<ReportTarget> {
  const latest = requireTemplate(deps, templateId);
  const period = requirePeriod(latest, periodId);
  const tree = await deps.unitTrees.at(period.end);
  const unit = tree.byCode(unitCode);
  if (!unit) {
    throw notFound('unknown-unit', `Không có đơn vị mã "${unitCode}" vào ngày ${period.end} (ngày chốt số liệu của kỳ).`);
  }
  const perms = permissionsFor(actorIn(user, tree), unit, tree);
  if (!perms.view) throw forbidden(`Bạn không có quyền xem báo cáo của ${unit.name}.`);
  const row = await findReport(deps.store.db, templateId, period.id, unit.id);
  const template = (row && deps.templates.get(templateId, row.templateVersion)) || deps.templates.forPeriod(templateId, period.id)!;
  return {
    template,
    period,
    tree,
    unit,
    row,
    perms,
    isReporter: reportingLevelsOn(template.file, period.end).includes(unit.level),
    deadline: await deadlineOf(deps, template, period, unit.level),
  };
}
