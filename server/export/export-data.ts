// Everything an export writes: the template version, period, unit, the roll-up with its completeness
// (maintained, so a lookup), and each reporting unit's own report, read from the database a chunk at a
// time in the order the sheets are written, so a national package never holds the nation in memory.
import { sql } from 'drizzle-orm';
import type { Completeness, ReportStatus } from '../../schema/api';
import type { Round, TemplateFile } from '../../schema/template';
import type { Period } from '../../domain/periods';
import { unitsThatMustReport } from '../../domain/reporting-levels';
import { isLate } from '../../domain/vn-time';
import type { CellValues } from '../../domain/template/cell-key';
import { computeReport } from '../../domain/template/evaluator';
import type { CompiledTemplate } from '../../domain/template/types';
import type { TreeUnit } from '../../domain/unit-tree';
import { countsInRollup, valuesOfReports } from '../db/rollups';
import type { AppDeps } from '../env';
import { completenessOf, type RollupScope } from '../services/aggregate';
import { deadlineOf } from '../services/report-context';
import { COUNTED, type Include } from '../services/rollup';
import { subtreeGrids } from '../services/rollup-read';
import { buildEvalContext, inVersion, otherPeriodsOf, pastInputs } from '../services/report-values';
import { hasOpenLists } from '../../domain/template/lists';
import { type ListedTemplate, listedFor, withOpenRows } from '../templates/expand';

export interface ExportUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface ExportReport {
  unit: ExportUnit;
  /** The round of the figures: in an official package, a unit whose official report is not in yet shows its preliminary one. */
  round: Round;
  /** The report's narrative sections (mẫu đề cương), as last saved. */
  sections?: { key: string; text: string }[];
  status: ReportStatus;
  submittedAt: string | null;
  /** The full grid: stored inputs and computed cells. */
  values: CellValues;
  /**
   * The shape of the report's own figures when it differs from the roll-up's: the same rows, with each
   * open list's items written out (the rows the officer added; they stay on the unit's sheet and do not
   * add up across units). Absent: the head's `compiled`.
   */
  compiled?: CompiledTemplate;
}

/** One unit that must report, for the completeness sheet: who reported, when, on time or late. */
export interface RosterEntry {
  unit: ExportUnit;
  status: ReportStatus;
  submittedAt: string | null;
  deadline: string | null;
  /** Submitted after the deadline, or not submitted and the deadline has passed. */
  isLate: boolean;
}

/** The roll-up sheet's part of an export, and the roster of the completeness sheet. */
export interface ExportHead {
  template: TemplateFile;
  compiled: CompiledTemplate;
  period: Period;
  unit: ExportUnit;
  include: Include;
  /** Số chính thức (official, each unit's preliminary figures standing in until its official ones are submitted) or số ước. */
  round: Round;
  /** The subtree rolled up. */
  values: CellValues;
  completeness: Completeness;
  /** Every unit of the subtree that must report, parents first (empty for a span of several periods). */
  roster: RosterEntry[];
}

export interface ExportData extends ExportHead {
  /** One per unit of the subtree with a report counted by `include`, parents first. */
  reports: ExportReport[];
}

/** The head of an export and the reports below it as a stream, for the Excel package. */
export interface ExportStream {
  head: ExportHead;
  reports(): AsyncGenerator<ExportReport>;
}

const CHUNK = 200;

export async function openExport(deps: AppDeps, scope: RollupScope, include: Include, round: Round = 'official'): Promise<ExportStream> {
  const { template, span, tree, unit } = scope;
  const grid = (await subtreeGrids(deps, template, span, include, [unit], round)).get(unit.id)!;
  const toUnit = (u: TreeUnit): ExportUnit => ({
    code: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parentId === null ? null : (tree.byId(u.parentId)?.code ?? null),
  });
  const head: ExportHead = {
    template: template.file,
    compiled: template.compiled,
    period: span.period,
    unit: toUnit(unit),
    include,
    round,
    values: grid.values,
    completeness: await completenessOf(deps, template, span, tree, unit, round),
    roster: span.members.length === 1 ? await rosterOf(deps, scope, toUnit, round) : [],
  };
  return { head, reports: () => countedReports(deps, scope, include, toUnit, round) };
}

/** Who had to report, whether and when they did, against their deadlines: one query over the subtree. */
async function rosterOf(deps: AppDeps, scope: RollupScope, toUnit: (u: TreeUnit) => ExportUnit, round: Round): Promise<RosterEntry[]> {
  const { template, span, tree, unit } = scope;
  const rows = await deps.store.db.all<{ unit_id: number; status: ReportStatus; submitted_at: string | null }>(sql`
    SELECT r.unit_id, r.status, r.submitted_at
    FROM unit_closure c CROSS JOIN reports r ON r.unit_id = c.unit_id AND r.template_id = ${template.file.id} AND r.period_id = ${span.period.id}
      AND r.round = ${round}
    WHERE c.ancestor_id = ${unit.id}`);
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const roster: RosterEntry[] = [];
  for (const u of unitsThatMustReport(template.file, tree, unit)) {
    const row = byUnit.get(u.id);
    const sent = row?.status === 'submitted' || row?.status === 'approved' ? (row.submitted_at ?? null) : null;
    const deadline = await deadlineOf(deps, template, span.period, u, tree, round);
    roster.push({ unit: toUnit(u), status: row?.status ?? 'draft', submittedAt: sent, deadline, isLate: isLate(deadline, sent, deps.clock()) });
  }
  return roster;
}

/** Everything at once (the JSON package, and tests of the writers). */
export async function buildExportData(deps: AppDeps, scope: RollupScope, include: Include, round: Round = 'official'): Promise<ExportData> {
  const { head, reports } = await openExport(deps, scope, include, round);
  const all: ExportReport[] = [];
  for await (const r of reports()) all.push(r);
  return { ...head, reports: all };
}

/** The counted reports of the subtree's reporting units, in the tree's order, a chunk at a time. */
async function* countedReports(
  deps: AppDeps,
  scope: RollupScope,
  include: Include,
  toUnit: (u: TreeUnit) => ExportUnit,
  round: Round,
): AsyncGenerator<ExportReport> {
  const { template, span, tree, unit } = scope;
  // A span of several periods prints the roll-up only: the units' own reports are the form's periods.
  if (span.members.length > 1) return;
  const period = span.period;
  // The sheets are the reports the roll-up counts: of an official package, each unit's counted one.
  const which = round === 'official' ? countsInRollup('r') : sql`r.round = 'preliminary'`;
  const rows = await deps.store.db.all<{ id: number; unit_id: number; template_version: number; status: ReportStatus; submitted_at: string | null; round: Round }>(sql`
    SELECT r.id, r.unit_id, r.template_version, r.status, r.submitted_at, r.round
    FROM unit_closure c CROSS JOIN reports r ON r.unit_id = c.unit_id AND r.template_id = ${template.file.id} AND r.period_id = ${period.id}
    WHERE c.ancestor_id = ${unit.id} AND +r.status IN (SELECT value FROM json_each(${JSON.stringify(COUNTED[include])})) AND ${which}`);
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const order = unitsThatMustReport(template.file, tree, unit).filter((u) => byUnit.has(u.id));
  const others = otherPeriodsOf(template, period);
  // A unit's own report holds its open lists' items: its figures are laid out with them (one compiled
  // shape per set of item counts, cached), the generated lists keeping the roll-up's rows.
  const base = (template as ListedTemplate).listing?.base.file;
  const items = base && hasOpenLists(base) ? listedFor(template, tree, { periodId: period.id, openItems: true }) : undefined;
  for (let i = 0; i < order.length; i += CHUNK) {
    const chunk = order.slice(i, i + CHUNK);
    const values = await valuesOfReports(deps.store.db, chunk.map((u) => byUnit.get(u.id)!.id));
    const past = await pastInputs(deps, template, chunk.map((u) => u.id), others);
    const texts = template.file.sections?.length ? await sectionsOfReports(deps, chunk.map((u) => byUnit.get(u.id)!.id)) : new Map<number, { key: string; text: string }[]>();
    for (const u of chunk) {
      const row = byUnit.get(u.id)!;
      const own = inVersion(deps, template, row.template_version, values.get(row.id) ?? new Map());
      const shape = items ? withOpenRows(items, own.keys()) : template;
      const ctx = await buildEvalContext(shape, period, own, async () => past.values.get(u.id) ?? new Map());
      const report: ExportReport = { unit: toUnit(u), round: row.round, status: row.status, submittedAt: row.submitted_at, values: computeReport(shape.compiled, ctx), sections: texts.get(row.id) ?? [] };
      yield shape === template ? report : { ...report, compiled: shape.compiled };
    }
  }
}

/** The narrative sections of some reports, in one query, by report id. */
async function sectionsOfReports(deps: AppDeps, ids: number[]): Promise<Map<number, { key: string; text: string }[]>> {
  const rows = await deps.store.db.all<{ report_id: number; key: string; text: string }>(sql`
    SELECT report_id, key, text FROM report_sections WHERE report_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY report_id, key`);
  const out = new Map<number, { key: string; text: string }[]>();
  for (const r of rows) out.set(r.report_id, [...(out.get(r.report_id) ?? []), { key: r.key, text: r.text }]);
  return out;
}
