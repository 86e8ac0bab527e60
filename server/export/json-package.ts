// The machine package for the Government's reporting system: our own documented, versioned JSON format
// (docs/machine-package.md), with the valibot schema consumers and tests validate it against.
import * as v from 'valibot';
import { REPORT_STATUSES } from '../../schema/api';
import { CalendarSchema, FrequencySchema, ROUNDS, ValueTypeSchema } from '../../schema/template';
import { ROUND_LABELS } from './xlsx-rounds';
import { cellKey, type CellValues } from '../../domain/template/cell-key';
import { columnLabel } from '../../domain/template/labels';
import type { CompiledTemplate } from '../../domain/template/types';
import type { ExportData, ExportUnit } from './export-data';

export const PACKAGE_FORMAT = 'vn-bcdv-report-package';
export const PACKAGE_FORMAT_VERSION = '1.1';
export const PACKAGE_GENERATOR = 'Hệ thống thông tin báo cáo tỉnh Lạng Sơn';

const isoDate = v.pipe(v.string(), v.isoDate());
const isoTimestamp = v.pipe(v.string(), v.isoTimestamp());
const text = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PackageDataValueSchema = v.object({
  row: text,
  rowLabel: text,
  col: text,
  colLabel: text,
  /** A number for integer, decimal and percent cells (a percent is 97.5, not 0.975); a string for text cells. */
  value: v.union([v.pipe(v.number(), v.finite()), v.string()]),
  /** The row's unit of measure, null when it has none. */
  unit: v.nullable(v.string()),
  valueType: ValueTypeSchema,
  /** True when the system computed the cell from others (totals, ratios); false when it was entered. */
  computed: v.boolean(),
});
export type PackageDataValue = v.InferOutput<typeof PackageDataValueSchema>;

export const PackageUnitSchema = v.object({
  code: text,
  name: text,
  level: text,
  parentCode: v.nullable(text),
});

const round = v.picklist(ROUNDS);

export const PackageReportSchema = v.object({
  unit: PackageUnitSchema,
  /** The round of the report's figures (1.1); absent from packages written before rounds: official. */
  round: v.optional(round, 'official'),
  status: v.picklist(REPORT_STATUSES),
  submittedAt: v.nullable(isoTimestamp),
  dataValues: v.array(PackageDataValueSchema),
  /** The report's narrative sections (mẫu đề cương) with text, in the template's order; absent from packages written before it. */
  sections: v.optional(v.array(v.object({ key: v.string(), title: v.string(), text: v.string() }))),
});

/**
 * Version 1.x. Consumers accept unknown fields (v.object strips them) so that 1.1 may add fields;
 * removing or changing one makes 2.0.
 */
export const ReportPackageSchema = v.object({
  format: v.literal(PACKAGE_FORMAT),
  formatVersion: v.pipe(v.string(), v.regex(/^1\.\d+$/, 'this schema reads format version 1.x')),
  generatedAt: isoTimestamp,
  generator: v.string(),
  sender: v.object({
    code: text,
    name: text,
    level: text,
    /** Codes are reused across the 2025 reform: they name units of the hierarchy in force on this day. */
    hierarchyDate: isoDate,
  }),
  template: v.object({
    id: text,
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    formNumber: v.string(),
    title: text,
    frequency: FrequencySchema,
    calendar: CalendarSchema,
  }),
  period: v.object({ id: text, label: text, start: isoDate, end: isoDate }),
  unitOfMeasure: v.nullable(v.string()),
  include: v.picklist(['approved', 'submitted']),
  /**
   * 1.1: official (số chính thức; a unit that has not submitted its official report counts with its
   * preliminary one, its report says so) or preliminary (số ước, the estimates alone). Absent: official.
   */
  round: v.optional(round, 'official'),
  /** How the round is said on the form: "Số chính thức" or "Số ước". */
  roundLabel: v.optional(v.string()),
  completeness: v.object({ expected: count, submitted: count, approved: count, onTime: count }),
  dataValues: v.array(PackageDataValueSchema),
  reports: v.array(PackageReportSchema),
});
export type ReportPackage = v.InferOutput<typeof ReportPackageSchema>;

export function toJsonPackage(data: ExportData, now: Date): ReportPackage {
  const { template, compiled, period } = data;
  // A unit's report may have its own shape (its open lists' items): one lister per shape.
  const listers = new Map<CompiledTemplate, (grid: CellValues) => PackageDataValue[]>();
  const values = (grid: CellValues, ct: CompiledTemplate = compiled) => {
    let list = listers.get(ct);
    if (!list) listers.set(ct, (list = dataValuesOf(ct)));
    return list(grid);
  };
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    generator: PACKAGE_GENERATOR,
    sender: { code: data.unit.code, name: data.unit.name, level: data.unit.level, hierarchyDate: period.end },
    template: {
      id: template.id,
      version: template.version,
      formNumber: template.formNumber,
      title: template.title,
      frequency: template.frequency,
      calendar: template.calendar,
    },
    period: { id: period.id, label: period.label, start: period.start, end: period.end },
    unitOfMeasure: template.unitOfMeasure ?? null,
    include: data.include,
    round: data.round,
    roundLabel: ROUND_LABELS[data.round],
    completeness: { ...data.completeness },
    dataValues: values(data.values),
    reports: data.reports.map((report) => ({
      unit: unitOf(report.unit),
      round: report.round,
      status: report.status,
      submittedAt: report.submittedAt === null ? null : normaliseInstant(report.submittedAt),
      dataValues: values(report.values, report.compiled),
      sections: (template.sections ?? []).flatMap((section) => {
        const text = report.sections?.find((x) => x.key === section.key)?.text ?? '';
        return text.trim() === '' ? [] : [{ key: section.key, title: section.title, text }];
      }),
    })),
  };
}

/**
 * Lists the non-empty cells of a grid in template order (row by row, columns left to right). Header
 * rows and disabled cells hold no values; keys the template does not know are not figures of this form.
 */
function dataValuesOf(ct: CompiledTemplate): (grid: CellValues) => PackageDataValue[] {
  const cells = ct.dataRows.flatMap((row) =>
    ct.columns.flatMap((column) => {
      const spec = ct.cell(row.code, column.key);
      if (spec === undefined || spec.kind === 'disabled') return [];
      const unit = row.unit ?? column.unit ?? ct.file.defaults?.unit;
      const described = {
        row: row.code,
        rowLabel: row.label,
        col: column.key,
        colLabel: columnLabel(ct, column.key),
        unit: unit === undefined || unit === '' ? null : unit,
        valueType: spec.valueType,
        computed: spec.kind === 'computed',
      };
      return [{ key: cellKey(row.code, column.key), isText: spec.valueType === 'text', described }];
    }),
  );
  return (grid) =>
    cells.flatMap(({ key, isText, described }) => {
      const stored = grid.get(key);
      if (stored === undefined || stored === '') return [];
      const value = isText ? stored : asNumber(stored);
      // JSON has no NaN or Infinity; a cell that evaluated to one has no figure to send.
      if (typeof value === 'number' && !Number.isFinite(value)) return [];
      const { row, rowLabel, col, colLabel, ...rest } = described;
      return [{ row, rowLabel, col, colLabel, value, ...rest }];
    });
}

/** A figure is sent as a number even when a store handed back a numeric string. */
function asNumber(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

function unitOf(unit: ExportUnit): v.InferOutput<typeof PackageUnitSchema> {
  return { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode };
}

/** Timestamps leave as UTC ISO 8601 ('2025-03-17T02:15:00.000Z'), whatever the store kept. */
function normaliseInstant(instant: string): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : at.toISOString();
}
