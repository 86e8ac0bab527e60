// Everything an export writes, gathered once: the template version, period, unit, the roll-up with
// its completeness, and each reporting unit's own report, so the writers stay pure.
import type { Completeness, ReportStatus } from '../../schema/api';
import type { TemplateFile } from '../../schema/template';
import type { Period } from '../../domain/periods';
import { unitsThatMustReport } from '../../domain/reporting-levels';
import { isLate } from '../../domain/vn-time';
import type { CellValues } from '../../domain/template/cell-key';
import type { CompiledTemplate } from '../../domain/template/types';
import type { AppDeps } from '../env';
import { completenessOf } from '../services/aggregate';
import { deadlineOf, type Scope } from '../services/report-context';
import { createRollup, type Include, ownRow } from '../services/rollup';

export interface ExportUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface ExportReport {
  unit: ExportUnit;
  status: ReportStatus;
  submittedAt: string | null;
  /** The full grid: stored inputs and computed cells. */
  values: CellValues;
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

export interface ExportData {
  template: TemplateFile;
  compiled: CompiledTemplate;
  period: Period;
  unit: ExportUnit;
  include: Include;
  /** The subtree rolled up. */
  values: CellValues;
  completeness: Completeness;
  /** One per unit of the subtree with a report counted by `include`, parents first. */
  reports: ExportReport[];
  /** Every unit of the subtree that must report, parents first. */
  roster: RosterEntry[];
}

export async function buildExportData(deps: AppDeps, scope: Scope, include: Include): Promise<ExportData> {
  const { template, period, tree, unit } = scope;
  const rollup = createRollup(deps, template, period, include, unit.code);
  const data = await rollup.data(period);
  const toUnit = (u: typeof unit): ExportUnit => ({
    code: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parentId === null ? null : (tree.byId(u.parentId)?.code ?? null),
  });
  const reports: ExportReport[] = [];
  const roster: RosterEntry[] = [];
  for (const u of unitsThatMustReport(template.file, tree, unit)) {
    const row = ownRow(data, u);
    const sent = row?.status === 'submitted' || row?.status === 'approved' ? (row.submittedAt ?? null) : null;
    const deadline = await deadlineOf(deps, template, period, u, tree);
    roster.push({ unit: toUnit(u), status: row?.status ?? 'draft', submittedAt: sent, deadline, isLate: isLate(deadline, sent, deps.clock()) });
    const values = await rollup.own(u.code);
    if (!values || !row) continue;
    reports.push({ unit: toUnit(u), status: row.status, submittedAt: row.submittedAt, values });
  }
  return {
    template: template.file,
    compiled: template.compiled,
    period,
    unit: toUnit(unit),
    include,
    values: await rollup.subtree(unit.code),
    completeness: await completenessOf(deps, template, period, tree, unit, data),
    reports,
    roster,
  };
}
