// The one place that resolves "template + period + unit" for a request: the template version, the
// period (a real one, in force, not too far ahead), the unit in the tree of the period's last day, the
// caller's access to it (domain/access.ts), and for a report its stored row, whether the unit fills the
// form and its deadline. Every route goes through here; nothing else decides access.
import type { Level, Round } from '../../schema/template';
import { type Access, accessTo, grantsInForce, type Grant, type Routing } from '../../domain/access';
import { addDays, collectionOfPeriod, deadlineRulesForPeriod, deadlinesFor, type Period, periodContaining, periodFromId, roundsOfPeriod } from '../../domain/periods';
import { deadlineLevelOf, isReportingUnit } from '../../domain/reporting-levels';
import type { TreeUnit, UnitTree } from '../../domain/unit-tree';
import { vnDate } from '../../domain/vn-time';
import type { SessionUser } from '../auth/sessions';
import { findReport, type ReportRow } from '../db/reports';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import { listedFor } from '../templates/expand';
import type { LoadedTemplate } from '../templates/registry';

/** What the caller needs to be allowed to do for the request to go on. */
export type Need = keyof Pick<Access, 'view' | 'write' | 'decide'>;

export interface Scope {
  /** The version in force for the period (a stored report keeps the version it was made with). */
  template: LoadedTemplate;
  period: Period;
  tree: UnitTree;
  unit: TreeUnit;
  access: Access;
  routing: Routing;
  /** The caller's roles in force today. */
  grants: Grant[];
}

export interface ReportContext extends Scope {
  /** The round of the period this report is sent in (official unless the request names another). */
  round: Round;
  row: ReportRow | undefined;
  /** Whether the unit fills this form in this period (Art. 7 "đối tượng thực hiện"). */
  isReporter: boolean;
  deadline: string | null;
}

export interface ReportKey {
  template: string;
  period: string;
  unit: string;
  /** `?round=`: official when absent. */
  round?: Round;
}

/**
 * The round asked for, once the template declares it for the period: every period has the official
 * round; the preliminary one (số ước) only where the regime or the period's collection declares it.
 */
export function requireRound(template: LoadedTemplate, period: Period, round: Round = 'official'): Round {
  if (roundsOfPeriod(template.file, period.id).includes(round)) return round;
  throw notFound(
    'unknown-round',
    `Biểu mẫu ${template.file.formNumber} không có lần gửi số ước cho kỳ ${period.id}: chỉ có số chính thức. / The form has no preliminary round for period ${period.id}, only the official one.`,
  );
}

export function requireTemplate(deps: AppDeps, templateId: string): LoadedTemplate {
  const template = deps.templates.latest(templateId);
  if (!template) throw notFound('unknown-template', `Không có biểu mẫu "${templateId}".`);
  return template;
}

/**
 * A period of the template that some version is in force for, and that starts no later than the
 * period after today's: figures for a period further ahead cannot exist yet.
 */
export function requirePeriod(deps: AppDeps, template: LoadedTemplate, periodId: string): Period {
  // A period of the main frequency or of a further collection of the form (one form, several frequencies).
  const found = collectionOfPeriod(template.file, periodId);
  if (!found) {
    throw notFound(
      'unknown-period',
      `Kỳ báo cáo "${periodId}" không hợp lệ với biểu mẫu ${template.file.formNumber} (${FREQUENCY_EXAMPLES[template.file.frequency]}).`,
    );
  }
  const { period, collection } = found;
  const first = deps.templates.versions(template.file.id)[0]!;
  const firstStart = periodFromId(first.spec, first.file.effectiveFrom)?.start ?? '';
  if (period.start < firstStart) {
    throw notFound('unknown-period', `Biểu mẫu ${template.file.formNumber} chỉ áp dụng từ kỳ ${first.file.effectiveFrom}; kỳ ${period.id} chưa có biểu mẫu.`);
  }
  const current = periodContaining(collection, vnDate(deps.clock()));
  const latestOpen = current ? (periodContaining(collection, addDays(current.end, 1)) ?? current) : undefined;
  if (latestOpen && period.start > latestOpen.start) {
    throw notFound('unknown-period', `Kỳ ${period.id} còn quá xa trong tương lai: chỉ mở đến kỳ ${latestOpen.id}.`);
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

export const routingOf = (template: LoadedTemplate): Routing => template.file.regime.leadAgencies ?? {};

const DENIED: Record<Need, (name: string) => string> = {
  view: (name) => `Bạn không có quyền xem báo cáo của ${name}.`,
  write: (name) => `Bạn không có quyền nhập số liệu hoặc gửi báo cáo của ${name}.`,
  decide: (name) => `Chỉ lãnh đạo đơn vị nhận báo cáo mới duyệt, trả lại hoặc mở lại được báo cáo của ${name}.`,
};

export type PeriodScope = Omit<Scope, 'unit' | 'access'>;

/** Template version, period, tree, routing and the caller's roles of a request about a whole period. */
export async function resolvePeriodScope(deps: AppDeps, user: SessionUser, templateId: string, periodId: string): Promise<PeriodScope> {
  const latest = requireTemplate(deps, templateId);
  const period = requirePeriod(deps, latest, periodId);
  const tree = await deps.unitTrees.at(period.end);
  // Lists written out for the period's hierarchy: the roll-up's shape (every listed unit's row).
  const template = listedFor(deps.templates.forPeriod(templateId, period.id)!, tree, { periodId: period.id });
  const grants = grantsInForce(user.grants, vnDate(deps.clock()));
  return { template, period, tree, grants, routing: routingOf(template) };
}

/** Template version, period, tree and unit of a request, once the caller is allowed `need` on the unit. */
export async function resolveScope(deps: AppDeps, user: SessionUser, key: ReportKey, need: Need = 'view'): Promise<Scope> {
  const { template, period, tree, grants, routing } = await resolvePeriodScope(deps, user, key.template, key.period);
  const unit = tree.byCode(key.unit);
  if (!unit) {
    throw notFound('unknown-unit', `Không có đơn vị mã "${key.unit}" vào ngày ${period.end} (ngày chốt số liệu của kỳ).`);
  }
  const access = accessTo(grants, unit, tree, routing);
  // Someone who may not even read it learns nothing more than "not allowed".
  if (!access.view) throw forbidden(DENIED.view(unit.name));
  if (!access[need]) throw forbidden(DENIED[need](unit.name));
  return { template, period, tree, unit, access, routing, grants };
}

/** The scope of a report plus its stored row, the version it was made with, and its deadline. */
export async function resolveReport(deps: AppDeps, user: SessionUser, key: ReportKey, need: Need = 'view'): Promise<ReportContext> {
  const scope = await resolveScope(deps, user, key, need);
  const round = requireRound(scope.template, scope.period, key.round);
  const row = await findReport(deps.store.db, scope.template.file.id, scope.period.id, scope.unit.id, round);
  return reportContextOf(deps, scope, scope.unit, row, round);
}

/** The context of another unit's report in a period already resolved (bulk actions over units below). */
export async function reportContextOf(
  deps: AppDeps,
  scope: PeriodScope,
  unit: TreeUnit,
  row: ReportRow | undefined,
  round: Round = 'official',
): Promise<ReportContext> {
  const version = (row && deps.templates.get(scope.template.file.id, row.templateVersion)) || scope.template;
  // The unit's own report: lists that copy a row show its own row only.
  const template = listedFor(version, scope.tree, { ownUnit: unit.code, periodId: scope.period.id });
  return {
    ...scope,
    unit,
    access: accessTo(scope.grants, unit, scope.tree, scope.routing),
    template,
    round,
    row,
    isReporter: isReportingUnit(template.file, unit, scope.tree) && fillsCollection(template, scope.period, unit, scope.tree),
    deadline: await deadlineOf(deps, template, scope.period, unit, scope.tree, round),
  };
}

/** The deadline a unit keeps for a period in a round, or null when the template sets none for its level. */
export async function deadlineOf(deps: AppDeps, template: LoadedTemplate, period: Period, unit: TreeUnit, tree: UnitTree, round: Round = 'official') {
  const deadlines = deadlinesFor(period, deadlineRulesForPeriod(template.file, period.id, round), await deps.holidays.calendar());
  const withDeadline = (Object.keys(deadlines) as Level[]).filter((l) => tree.levels.has(l));
  const level = deadlineLevelOf(unit, tree, withDeadline);
  return (level && deadlines[level]) ?? null;
}

/** A further collection names the levels that fill it (the province, say, for the six-monthly report). */
function fillsCollection(template: LoadedTemplate, period: Period, unit: TreeUnit, tree: UnitTree): boolean {
  const levels = collectionOfPeriod(template.file, period.id)?.collection.levels;
  if (levels === undefined) return true;
  const level = deadlineLevelOf(unit, tree, levels);
  return level !== undefined && levels.includes(level);
}
