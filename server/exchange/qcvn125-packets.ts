// Builds the QCVN 125 packets for what we hold: regime, form, indicator catalogue, outline form, period
// catalogue, report data, outline submission and report status, over canonical names (see
// qcvn125-mapping.ts for the wire names and codes, most of them unverified).
import { createHash } from 'node:crypto';
import type { ReportStatus, UnitLevel } from '../../schema/api';
import type { Round, TemplateFile } from '../../schema/template';
import { deadlineRulesOf, deadlinesFor, type HolidayCalendar, type Period, periodsOfYear } from '../../domain/periods';
import type { CellValues } from '../../domain/template/cell-key';
import type { CompiledTemplate } from '../../domain/template/types';
import type { ExportData, ExportUnit } from '../export/export-data';
import { figuresOf } from './figures';
import {
  indicatorCode,
  LAYOUT_VERSION,
  LEVEL_CODES,
  nationalPeriodCode,
  PACKET_TYPES,
  type PacketKind,
  PERIOD_TYPE_CODES,
  REPORT_KIND_CODES,
  ROUND_CODES,
  SCOPE_CODES,
  STANDARD,
  STATUS_CODES,
  unitIdentifier,
  UNIT_IDENTIFIER_SCHEME,
  VALUE_TYPE_CODES,
} from './qcvn125-mapping';
import type { DataValue, UnitRef } from './qcvn125-schema';

export interface Envelope<B> {
  packetType: string;
  standard: string;
  layoutVersion: string;
  packetId: string;
  createdAt: string;
  sender: UnitRef;
  body: B;
}

/**
 * Wraps a body. The packet id is a digest of the packet type and body, so the same content always has
 * the same id: a receiver that has counted an id once can drop a repeat (the outbox's idempotency key).
 */
export function envelope<B>(kind: PacketKind, sender: ExportUnit, body: B, now: Date): Envelope<B> {
  const digest = createHash('sha256').update(PACKET_TYPES[kind]).update(JSON.stringify(body)).digest('hex');
  return {
    packetType: PACKET_TYPES[kind],
    standard: STANDARD,
    layoutVersion: LAYOUT_VERSION,
    packetId: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`,
    createdAt: now.toISOString(),
    sender: unitRef(sender),
    body,
  };
}

export function unitRef(unit: Pick<ExportUnit, 'code' | 'name' | 'level'>): UnitRef {
  return {
    code: unit.code,
    identifier: unitIdentifier(unit.code),
    identifierScheme: UNIT_IDENTIFIER_SCHEME,
    name: unit.name,
    level: LEVEL_CODES[unit.level as UnitLevel] ?? unit.level,
  };
}

export function periodRef(period: Period) {
  return { code: nationalPeriodCode(period.id), periodId: period.id, start: period.start, end: period.end };
}

export function regimeBody(file: TemplateFile) {
  const r = file.regime;
  return {
    formCode: file.id,
    name: r.name,
    kind: REPORT_KIND_CODES[r.kind],
    content: r.content,
    frequency: PERIOD_TYPE_CODES[file.frequency],
    reporters: r.reporters.map((p) => ({ from: p.from ?? null, to: p.to ?? null, levels: p.levels.map((l) => LEVEL_CODES[l]), note: p.note ?? null })),
    recipient: r.recipient,
    method: r.method,
    cutoff: r.cutoff,
    deadlines: (['commune', 'district', 'province'] as const).flatMap((level): { level: string; workingDays?: number; dayOfMonth?: number; monthsAfter?: number }[] => {
      const days = r.deadlineWorkingDays[level];
      const fixed = r.deadlineDays?.[level];
      if (days !== undefined) return [{ level: LEVEL_CODES[level], workingDays: days }];
      // A fixed day of a month after the period (issue 11): an additive field beside workingDays.
      return fixed === undefined ? [] : [{ level: LEVEL_CODES[level], dayOfMonth: fixed.day, monthsAfter: fixed.monthsAfter ?? 1 }];
    }),
    outline: r.outline ?? null,
    instructions: r.instructions ?? null,
    forms: r.forms ?? [file.formNumber],
    legalBasis: r.legalBasis.map((d) => ({ number: d.number, date: d.date, issuer: d.issuer ?? null, title: d.title ?? null })),
  };
}

export function indicatorsOf(ct: CompiledTemplate) {
  const file = ct.file;
  return file.rows.map((row) => {
    const valueType = row.valueType ?? file.defaults?.valueType ?? 'decimal';
    const unit = row.unit ?? file.defaults?.unit;
    return {
      code: indicatorCode(file.id, row.code),
      rowCode: row.code,
      label: row.label,
      unit: unit === undefined || unit === '' ? null : unit,
      valueType: VALUE_TYPE_CODES[valueType],
      aggregation: row.aggregation ?? file.defaults?.aggregation ?? 'sum',
      parentCode: row.partOf ? indicatorCode(file.id, row.partOf) : null,
      isHeader: row.header ?? false,
      computed: row.formula !== undefined,
      ...(row.formula !== undefined ? { formula: row.formula } : {}),
    };
  });
}

export function formBody(ct: CompiledTemplate) {
  const file = ct.file;
  return {
    formCode: file.id,
    formVersion: file.version,
    formNumber: file.formNumber,
    title: file.title,
    unitOfMeasure: file.unitOfMeasure ?? null,
    frequency: PERIOD_TYPE_CODES[file.frequency],
    calendar: file.calendar,
    effectiveFrom: file.effectiveFrom,
    columns: ct.columns.map((c) => ({ code: c.key, label: c.label, groups: c.group ?? [], valueType: c.valueType ? VALUE_TYPE_CODES[c.valueType] : null })),
    indicators: indicatorsOf(ct),
  };
}

export function indicatorCatalogueBody(ct: CompiledTemplate) {
  return { formCode: ct.file.id, formVersion: ct.file.version, indicators: indicatorsOf(ct) };
}

/** The outline (mẫu đề cương); undefined when the template has no narrative sections. */
export function outlineFormBody(file: TemplateFile) {
  if (!file.sections || file.sections.length === 0) return undefined;
  return {
    formCode: file.id,
    formVersion: file.version,
    outline: file.regime.outline ?? null,
    sections: file.sections.map((s) => ({ code: s.key, title: s.title, hint: s.hint ?? null, required: s.required ?? false, maxLength: s.maxLength ?? null })),
  };
}

export function periodCatalogueBody(file: TemplateFile, year: number, calendar: HolidayCalendar) {
  return {
    formCode: file.id,
    year,
    periods: periodsOfYear(file, year).map((p) => {
      const deadlines = deadlinesFor(p, deadlineRulesOf(file.regime), calendar);
      return {
        code: nationalPeriodCode(p.id),
        periodId: p.id,
        type: PERIOD_TYPE_CODES[file.frequency],
        label: p.label,
        start: p.start,
        end: p.end,
        deadlines: (['commune', 'district', 'province'] as const).flatMap((level) => {
          const date = deadlines[level];
          return date === undefined ? [] : [{ level: LEVEL_CODES[level], date }];
        }),
      };
    }),
  };
}

export function dataValuesOf(ct: CompiledTemplate, grid: CellValues): DataValue[] {
  return figuresOf(ct, grid).map((f) => ({
    indicator: indicatorCode(ct.file.id, f.row),
    rowCode: f.row,
    column: f.col,
    value: f.value,
    valueType: VALUE_TYPE_CODES[f.valueType],
    computed: f.computed,
  }));
}

/** Report data: the sender's subtree rolled up, and each counted unit's own report. */
export function reportDataBody(data: ExportData) {
  const ct = data.compiled;
  return {
    formCode: data.template.id,
    formVersion: data.template.version,
    period: periodRef(data.period),
    unit: unitRef(data.unit),
    scope: SCOPE_CODES.subtree,
    round: ROUND_CODES[data.round],
    completeness: { ...data.completeness },
    values: dataValuesOf(ct, data.values),
    reports: data.reports.map((r) => ({
      unit: unitRef(r.unit),
      round: ROUND_CODES[r.round],
      status: STATUS_CODES[r.status],
      submittedAt: r.submittedAt === null ? null : new Date(r.submittedAt).toISOString(),
      values: dataValuesOf(r.compiled ?? ct, r.values),
    })),
  };
}

/** One unit's own report as report data (what the outbox sends when a report is approved). */
export function ownReportDataBody(
  ct: CompiledTemplate,
  period: Period,
  unit: ExportUnit,
  status: ReportStatus,
  submittedAt: string | null,
  grid: CellValues,
  round: Round = 'official',
) {
  const ref = unitRef(unit);
  const values = dataValuesOf(ct, grid);
  return {
    formCode: ct.file.id,
    formVersion: ct.file.version,
    period: periodRef(period),
    unit: ref,
    scope: SCOPE_CODES.own,
    round: ROUND_CODES[round],
    values,
    reports: [{ unit: ref, round: ROUND_CODES[round], status: STATUS_CODES[status], submittedAt: submittedAt === null ? null : new Date(submittedAt).toISOString(), values }],
  };
}

export function outlineSubmissionBody(file: TemplateFile, period: Period, unit: ExportUnit, texts: { key: string; text: string }[]) {
  const byKey = new Map(texts.map((t) => [t.key, t.text]));
  return {
    formCode: file.id,
    formVersion: file.version,
    period: periodRef(period),
    unit: unitRef(unit),
    sections: (file.sections ?? []).map((s) => ({ code: s.key, title: s.title, text: byKey.get(s.key) ?? '' })),
  };
}

export interface StatusFacts {
  status: ReportStatus;
  revision: number;
  submittedAt: string | null;
  decidedAt: string | null;
  deadline: string | null;
  isLate: boolean;
  returnReason: string | null;
}

export function reportStatusBody(file: TemplateFile, period: Period, unit: ExportUnit, facts: StatusFacts) {
  const instant = (at: string | null) => (at === null ? null : new Date(at).toISOString());
  return {
    formCode: file.id,
    formVersion: file.version,
    period: periodRef(period),
    unit: unitRef(unit),
    status: STATUS_CODES[facts.status],
    revision: facts.revision,
    submittedAt: instant(facts.submittedAt),
    decidedAt: instant(facts.decidedAt),
    deadline: facts.deadline,
    isLate: facts.isLate,
    returnReason: facts.returnReason,
  };
}
