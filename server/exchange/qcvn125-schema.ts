// The QCVN 125 packets we produce and read, as valibot schemas over our canonical field names (the wire
// names are applied by qcvn125-mapping.ts at the edge). The importer validates with these, and tests
// validate every export against them.
import * as v from 'valibot';
import { CellValue } from '../../schema/api';
import { LEVEL_CODES, PACKET_TYPES, PERIOD_TYPE_CODES, REPORT_KIND_CODES, ROUND_CODES, SCOPE_CODES, STATUS_CODES, VALUE_TYPE_CODES } from './qcvn125-mapping';

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(20000));
const short = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const isoDate = v.pipe(v.string(), v.isoDate());
const instant = v.pipe(v.string(), v.isoTimestamp());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const version = v.pipe(v.number(), v.integer(), v.minValue(1));
const codeOf = <T extends Record<string, string>>(table: T) => v.picklist(Object.values(table) as [string, ...string[]]);

export const UnitRefSchema = v.object({
  code: short,
  identifier: short,
  identifierScheme: short,
  name: short,
  level: codeOf(LEVEL_CODES),
});

export const PeriodRefSchema = v.object({ code: short, periodId: short, start: isoDate, end: isoDate });

export const DataValueSchema = v.object({
  indicator: short,
  rowCode: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  column: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  value: v.nonNullable(CellValue),
  valueType: codeOf(VALUE_TYPE_CODES),
  computed: v.boolean(),
});
export type DataValue = v.InferOutput<typeof DataValueSchema>;

export const IndicatorSchema = v.object({
  code: short,
  rowCode: short,
  label: text,
  unit: v.nullable(v.string()),
  valueType: codeOf(VALUE_TYPE_CODES),
  aggregation: short,
  parentCode: v.nullable(short),
  isHeader: v.boolean(),
  computed: v.boolean(),
  formula: v.optional(v.string()),
});

const formRef = { formCode: short, formVersion: version };

export const RegimeBody = v.object({
  formCode: short,
  name: text,
  kind: codeOf(REPORT_KIND_CODES),
  content: v.string(),
  frequency: codeOf(PERIOD_TYPE_CODES),
  reporters: v.array(v.object({ from: v.nullable(isoDate), to: v.nullable(isoDate), levels: v.array(codeOf(LEVEL_CODES)), note: v.nullable(v.string()) })),
  recipient: v.string(),
  method: v.string(),
  cutoff: v.string(),
  deadlines: v.array(v.object({ level: codeOf(LEVEL_CODES), workingDays: v.optional(count), dayOfMonth: v.optional(count), monthsAfter: v.optional(count) })),
  outline: v.nullable(v.string()),
  instructions: v.nullable(v.string()),
  forms: v.array(v.string()),
  legalBasis: v.array(v.object({ number: short, date: isoDate, issuer: v.nullable(v.string()), title: v.nullable(v.string()) })),
});

export const IndicatorCatalogueBody = v.object({ ...formRef, indicators: v.array(IndicatorSchema) });

export const FormBody = v.object({
  ...formRef,
  formNumber: v.string(),
  title: text,
  unitOfMeasure: v.nullable(v.string()),
  frequency: codeOf(PERIOD_TYPE_CODES),
  calendar: short,
  effectiveFrom: short,
  columns: v.array(v.object({ code: short, label: text, groups: v.array(v.string()), valueType: v.nullable(codeOf(VALUE_TYPE_CODES)) })),
  indicators: v.array(IndicatorSchema),
});

export const OutlineFormBody = v.object({
  ...formRef,
  outline: v.nullable(v.string()),
  sections: v.array(v.object({ code: short, title: text, hint: v.nullable(v.string()), required: v.boolean(), maxLength: v.nullable(count) })),
});

export const PeriodCatalogueBody = v.object({
  formCode: short,
  year: v.pipe(v.number(), v.integer()),
  periods: v.array(
    v.object({
      code: short,
      periodId: short,
      type: codeOf(PERIOD_TYPE_CODES),
      label: short,
      start: isoDate,
      end: isoDate,
      deadlines: v.array(v.object({ level: codeOf(LEVEL_CODES), date: isoDate })),
    }),
  ),
});

export const UnitReportSchema = v.object({
  unit: UnitRefSchema,
  // Absent in packets of receivers written before rounds: the official figures.
  round: v.optional(codeOf(ROUND_CODES)),
  status: codeOf(STATUS_CODES),
  submittedAt: v.nullable(instant),
  values: v.pipe(v.array(DataValueSchema), v.maxLength(100000)),
});

export const ReportDataBody = v.object({
  ...formRef,
  period: PeriodRefSchema,
  unit: UnitRefSchema,
  scope: codeOf(SCOPE_CODES),
  round: v.optional(codeOf(ROUND_CODES)),
  completeness: v.optional(v.object({ expected: count, submitted: count, approved: count, onTime: count })),
  values: v.pipe(v.array(DataValueSchema), v.maxLength(100000)),
  reports: v.pipe(v.array(UnitReportSchema), v.maxLength(20000)),
});
export type ReportDataBody = v.InferOutput<typeof ReportDataBody>;

export const OutlineSubmissionBody = v.object({
  ...formRef,
  period: PeriodRefSchema,
  unit: UnitRefSchema,
  sections: v.array(v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(40)), title: v.string(), text: v.pipe(v.string(), v.maxLength(20000)) })),
});

export const ReportStatusBody = v.object({
  ...formRef,
  period: PeriodRefSchema,
  unit: UnitRefSchema,
  status: codeOf(STATUS_CODES),
  revision: count,
  submittedAt: v.nullable(instant),
  decidedAt: v.nullable(instant),
  deadline: v.nullable(isoDate),
  isLate: v.boolean(),
  returnReason: v.nullable(v.string()),
});

const envelope = <T extends string, B extends v.GenericSchema>(type: T, body: B) =>
  v.object({
    packetType: v.literal(type),
    standard: v.string(),
    layoutVersion: v.string(),
    packetId: short,
    createdAt: instant,
    sender: UnitRefSchema,
    body,
  });

export const PacketSchemas = {
  regime: envelope(PACKET_TYPES.regime, RegimeBody),
  form: envelope(PACKET_TYPES.form, FormBody),
  outlineForm: envelope(PACKET_TYPES.outlineForm, OutlineFormBody),
  reportData: envelope(PACKET_TYPES.reportData, ReportDataBody),
  outlineSubmission: envelope(PACKET_TYPES.outlineSubmission, OutlineSubmissionBody),
  reportStatus: envelope(PACKET_TYPES.reportStatus, ReportStatusBody),
  periodCatalogue: envelope(PACKET_TYPES.periodCatalogue, PeriodCatalogueBody),
  indicatorCatalogue: envelope(PACKET_TYPES.indicatorCatalogue, IndicatorCatalogueBody),
};

/** Any packet we read, told apart by its packet type. */
export const PacketSchema = v.variant('packetType', [
  PacketSchemas.regime,
  PacketSchemas.form,
  PacketSchemas.outlineForm,
  PacketSchemas.reportData,
  PacketSchemas.outlineSubmission,
  PacketSchemas.reportStatus,
  PacketSchemas.periodCatalogue,
  PacketSchemas.indicatorCatalogue,
]);
export type Packet = v.InferOutput<typeof PacketSchema>;
export type ReportDataPacket = v.InferOutput<(typeof PacketSchemas)['reportData']>;
export type OutlineSubmissionPacket = v.InferOutput<(typeof PacketSchemas)['outlineSubmission']>;
export type UnitRef = v.InferOutput<typeof UnitRefSchema>;
