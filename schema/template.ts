// The report template file format (report-templates/<id>/<version>.json): the contract shared by the
// template loader, the formula engine, the grid, the Excel writer and the JSON Schema for editors.
import * as v from 'valibot';

const isoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));

/**
 * Administrative levels. Until 30/06/2025 three below the nation; from 01/07/2025 the district level is
 * gone. `nation` (code VN) sits above the provinces in a ministry's installation (issue 8).
 */
export const LEVELS = ['nation', 'province', 'district', 'commune'] as const;
export const LevelSchema = v.picklist(LEVELS);
export type Level = v.InferOutput<typeof LevelSchema>;

export const FREQUENCIES = ['monthly', 'quarterly', 'six-monthly', 'nine-month', 'annual', 'adhoc'] as const;
export const FrequencySchema = v.picklist(FREQUENCIES);
export type Frequency = v.InferOutput<typeof FrequencySchema>;

/** decree09: Art. 12 cutoff windows (15th → 14th); calendar: statistical forms (1st → last day). */
export const CalendarSchema = v.picklist(['decree09', 'calendar']);
export type Calendar = v.InferOutput<typeof CalendarSchema>;

export const VALUE_TYPES = ['integer', 'decimal', 'percent', 'text'] as const;
export const ValueTypeSchema = v.picklist(VALUE_TYPES);
export type ValueType = v.InferOutput<typeof ValueTypeSchema>;

/**
 * How an input cell combines across units and, for `ytd()`, across the periods of a year.
 * `last` is for stocks (population, households): summed across units, the latest value over time.
 * `formula` recomputes the row's formula from aggregated inputs (ratios, percentages).
 */
export const AGGREGATIONS = ['sum', 'average', 'min', 'max', 'last', 'formula', 'none'] as const;
export const AggregationSchema = v.picklist(AGGREGATIONS);
export type Aggregation = v.InferOutput<typeof AggregationSchema>;

const formula = v.pipe(v.string(), v.minLength(1, 'a formula cannot be empty'));
const rowCode = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a row code is letters, digits, ".", "_" or "-", e.g. "1.2"'),
);
const columnKey = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]*$/, 'a column key is lower-case letters, digits and "_", starting with a letter'),
);
const label = v.pipe(v.string(), v.minLength(1, 'a label cannot be empty'));
const decimals = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6));

export const LegalDocumentSchema = v.strictObject({
  number: label,
  date: isoDate,
  issuer: v.optional(v.string()),
  title: v.optional(v.string()),
});

/** Which levels fill the form themselves, over a span of dates (the 2025 reform changed them). */
export const ReportersSchema = v.strictObject({
  from: v.optional(isoDate),
  to: v.optional(isoDate),
  levels: v.pipe(v.array(LevelSchema), v.minLength(1)),
  /**
   * Agencies that fill the form themselves, by the level they stand at: `["province"]` is every sở, ban,
   * ngành of the province (Biểu 06 has a row for each); optionally only some sectors.
   */
  agencies: v.optional(
    v.strictObject({
      levels: v.pipe(v.array(LevelSchema), v.minLength(1)),
      sectors: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a sector is written like "noi-vu"')))),
    }),
  ),
  note: v.optional(v.string()),
});

/** Deadline of each level, in working days after the data cutoff (Art. 8(5), Art. 13). */
export const DeadlinesSchema = v.strictObject({
  commune: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  district: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  province: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  nation: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type Deadlines = v.InferOutput<typeof DeadlinesSchema>;

/**
 * A deadline on a fixed day of a month after the period ("ngày 07 của tháng sau quý"): the `day`-th of
 * the month `monthsAfter` months after the month of the data cutoff (1 by default: the next month; 0:
 * the month of the cutoff, e.g. "ngày 20 của tháng cuối kỳ"). A day past the month's end is its last day.
 */
export const CalendarDayDeadlineSchema = v.strictObject({
  day: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31)),
  monthsAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(12))),
});
export type CalendarDayDeadline = v.InferOutput<typeof CalendarDayDeadlineSchema>;

/** Deadline of each level on a fixed calendar day after the period, beside `deadlineWorkingDays`. */
export const CalendarDayDeadlinesSchema = v.strictObject({
  commune: v.optional(CalendarDayDeadlineSchema),
  district: v.optional(CalendarDayDeadlineSchema),
  province: v.optional(CalendarDayDeadlineSchema),
  nation: v.optional(CalendarDayDeadlineSchema),
});
export type CalendarDayDeadlines = v.InferOutput<typeof CalendarDayDeadlinesSchema>;

/**
 * Who receives the report, for Decree 09 Art. 13: only a report to the Government or the Prime Minister
 * (`government`) must reach it by the 25th of the period's last month, unless a provision says otherwise
 * (`deadlineBasis`); ministries' and provinces' own regimes set their own deadlines (Art. 13(2)).
 */
export const RECIPIENT_KINDS = ['government', 'ministry', 'province', 'other'] as const;
export const RecipientKindSchema = v.picklist(RECIPIENT_KINDS);
export type RecipientKind = v.InferOutput<typeof RecipientKindSchema>;

/**
 * The rounds a report of one period is sent in. Every report has the official round (số chính thức),
 * due by the regime's (or collection's) deadlines; a form whose practice asks for an estimate first
 * declares `preliminary` (số ước) with its own deadlines, which come before the official ones. Both
 * are kept and exported; a roll-up counts a unit's official report once it is submitted, else its
 * preliminary one.
 */
export const ROUNDS = ['official', 'preliminary'] as const;
export type Round = (typeof ROUNDS)[number];

export const RoundDeadlinesSchema = v.strictObject({
  deadlineWorkingDays: v.optional(DeadlinesSchema, {}),
  deadlineDays: v.optional(CalendarDayDeadlinesSchema),
  note: v.optional(v.string()),
});
export type RoundDeadlines = v.InferOutput<typeof RoundDeadlinesSchema>;

export const RoundsSchema = v.strictObject({ preliminary: v.optional(RoundDeadlinesSchema) });
export type Rounds = v.InferOutput<typeof RoundsSchema>;

/** The Decree 09 Art. 7 description of the reporting regime. */
export const RegimeSchema = v.strictObject({
  name: label,
  kind: v.picklist(['periodic', 'thematic', 'adhoc']),
  content: v.string(),
  reporters: v.pipe(v.array(ReportersSchema), v.minLength(1)),
  recipient: v.string(),
  /** The kind of recipient (Art. 13); when absent, the report is not taken to go to the Government. */
  recipientKind: v.optional(RecipientKindSchema),
  method: v.string(),
  cutoff: v.string(),
  /** Working days after the cutoff, per level; a level may instead have a fixed day (`deadlineDays`). */
  deadlineWorkingDays: v.optional(DeadlinesSchema, {}),
  deadlineDays: v.optional(CalendarDayDeadlinesSchema),
  /**
   * The provision that sets this regime's deadlines where it departs from Decree 09 Art. 13's 25th (Art.
   * 13(1) "trừ trường hợp pháp luật có quy định khác"), e.g. "Điều 9 Thông tư 02/2021/TT-TTCP".
   */
  deadlineBasis: v.optional(v.string()),
  /** A preliminary round (số ước) before the official one, with its own deadlines. */
  rounds: v.optional(RoundsSchema),
  /**
   * Per level, the sector of the agency that receives and compiles the reports there (đơn vị chủ trì
   * tổng hợp), e.g. `{ "province": "thanh-tra" }`: the communes' reports go to the provincial
   * inspectorate, whose head approves them and whose officers compile the province's report. A level
   * not named: the unit itself receives, as without routing.
   */
  leadAgencies: v.optional(
    v.strictObject({
      province: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a sector is written like "noi-vu"'))),
      district: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a sector is written like "noi-vu"'))),
      commune: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a sector is written like "noi-vu"'))),
    }),
  ),
  outline: v.optional(v.string()),
  instructions: v.optional(v.string()),
  forms: v.optional(v.array(v.string())),
  legalBasis: v.pipe(v.array(LegalDocumentSchema), v.minLength(1)),
});
export type Regime = v.InferOutput<typeof RegimeSchema>;

/** An ad hoc or thematic report's explicit periods. */
export const AdhocPeriodSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/)),
  label: v.optional(v.string()),
  start: isoDate,
  end: isoDate,
  deadlines: v.record(LevelSchema, isoDate),
});

export const ColumnSchema = v.strictObject({
  key: columnKey,
  label,
  /** Header groups above the label, outermost first; columns next to each other share a group. */
  group: v.optional(v.array(label)),
  valueType: v.optional(ValueTypeSchema),
  decimals: v.optional(decimals),
  /** Evaluated in every data row that has no formula of its own for this cell. */
  formula: v.optional(formula),
  width: v.optional(v.pipe(v.number(), v.minValue(40), v.maxValue(600))),
  /** The column's unit of measure (e.g. "ha", "triệu đồng"), printed under its label; a row's own unit wins. */
  unit: v.optional(v.string()),
  description: v.optional(v.string()),
});
export type Column = v.InferOutput<typeof ColumnSchema>;

const sector = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a sector is written like "noi-vu"'));

/**
 * A generated list: the row stands for its list and totals it; below it come one row per unit of the
 * hierarchy in force on the period's last day (Biểu 06 lists each sở, ban, ngành, each district, each
 * commune), coded "<row code>.<unit code>" and labelled with the unit's name.
 */
export const GeneratedListSchema = v.strictObject({
  /** agencies: the sở, ban, ngành (agencies at province level); districts, communes: administrative units. */
  units: v.picklist(['agencies', 'districts', 'communes']),
  /** Only agencies of these sectors. */
  sectors: v.optional(v.array(sector)),
  /**
   * A row of the template (e.g. "TC"): each listed unit's row then holds that unit's own figures of this
   * row, computed from its report (nobody types them), and the roll-up lists every unit with its figures.
   * Without it, the reporting unit types every listed row.
   */
  from: v.optional(rowCode),
});
export type GeneratedList = v.InferOutput<typeof GeneratedListSchema>;

/**
 * An open list: the row totals the rows the officer adds below it (cases, projects), coded
 * "<row code>.1", "<row code>.2", …; their cells follow the columns' types and the template's rules.
 */
export const OpenListSchema = v.strictObject({
  /** Most rows an officer may add (a bound for the grid, the save and the Excel sheet). */
  maxRows: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  /** What one added row is called in the client ("vụ việc", "dự án"). */
  itemLabel: v.optional(v.string()),
});
export type OpenList = v.InferOutput<typeof OpenListSchema>;

/** How a row code continues the history of rows of the previous version. */
export const RowLineageSchema = v.strictObject({
  code: rowCode,
  how: v.picklist(['renamed', 'split', 'merged']),
});

export const RowSchema = v.strictObject({
  code: rowCode,
  label,
  /** A header row groups the rows below it and holds no values. */
  header: v.optional(v.boolean()),
  indent: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5))),
  /** "Trong đó" sub-rows name the row they are part of. */
  partOf: v.optional(rowCode),
  unit: v.optional(v.string()),
  valueType: v.optional(ValueTypeSchema),
  decimals: v.optional(decimals),
  aggregation: v.optional(AggregationSchema),
  /** Evaluated in every column of this row, unless the column has a formula of its own. */
  formula: v.optional(formula),
  /** Greyed-out cells: column keys that do not apply to this row, or "all". */
  disabled: v.optional(v.union([v.literal('all'), v.array(columnKey)])),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  was: v.optional(v.array(RowLineageSchema)),
  description: v.optional(v.string()),
  /** A generated list below this row (see GeneratedListSchema); the row becomes its total. */
  list: v.optional(GeneratedListSchema),
  /** An open list below this row (see OpenListSchema); the row becomes its total. */
  openList: v.optional(OpenListSchema),
});
export type Row = v.InferOutput<typeof RowSchema>;

export const CellFormulaSchema = v.strictObject({ row: rowCode, col: columnKey, formula });

const ruleBase = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id is kebab-case, e.g. "received-balance"')),
  severity: v.picklist(['error', 'warning']),
  /** Rows the rule is checked in; all data rows when absent. */
  rows: v.optional(v.array(rowCode)),
  /** Columns the rule is checked in, for rules written with row(); all columns when absent. */
  cols: v.optional(v.array(columnKey)),
  /** Vietnamese sentence shown to the officer; {row} and {col} name the cell. */
  message: v.optional(v.string()),
};

export const CompareRuleSchema = v.strictObject({
  ...ruleBase,
  type: v.literal('compare'),
  left: formula,
  op: v.picklist(['=', '<>', '<', '<=', '>', '>=']),
  right: formula,
  tolerance: v.optional(v.pipe(v.number(), v.minValue(0))),
});

export const RangeRuleSchema = v.strictObject({
  ...ruleBase,
  type: v.literal('range'),
  target: formula,
  min: v.optional(v.number()),
  max: v.optional(v.number()),
});

export const RequiredRuleSchema = v.strictObject({
  ...ruleBase,
  type: v.literal('required'),
  target: formula,
});

export const RuleSchema = v.variant('type', [CompareRuleSchema, RangeRuleSchema, RequiredRuleSchema]);
export type Rule = v.InferOutput<typeof RuleSchema>;

/**
 * A rule comparing a figure of this report with one of another template's report of the same unit and
 * period (cases received in one form ≥ cases resolved in another). Each side is a formula over cell()
 * of its own template; when the other report does not exist yet, the rule waits.
 */
export const CrossRuleSchema = v.strictObject({
  id: ruleBase.id,
  severity: ruleBase.severity,
  /** Evaluated on this report, e.g. "cell('2', 'ky_nay')". */
  left: formula,
  op: v.picklist(['=', '<>', '<', '<=', '>', '>=']),
  /** The other template's id. */
  template: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a template id is kebab-case')),
  /** Evaluated on the other template's report of the same unit and period. */
  right: formula,
  tolerance: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** Vietnamese sentence; {left} and {right} are the two values. */
  message: v.optional(v.string()),
});
export type CrossRule = v.InferOutput<typeof CrossRuleSchema>;

/** A note printed under the table (ghi chú, cách ghi biểu), in the client and in the Excel package. */
export const NoteSchema = v.strictObject({
  title: v.optional(label),
  text: label,
});
export type Note = v.InferOutput<typeof NoteSchema>;

/** A narrative section of the outline (mẫu đề cương) that a report carries beside its grid. */
export const SectionSchema = v.strictObject({
  key: columnKey,
  title: label,
  hint: v.optional(v.string()),
  required: v.optional(v.boolean()),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type Section = v.InferOutput<typeof SectionSchema>;

/**
 * One more frequency at which the same form version is collected, with its own reporters and deadlines:
 * e.g. a form filled quarterly by communes and, from the same version, six-monthly, nine-monthly and
 * yearly by the province (Thông tư 02/2021/TT-TTCP). A period id says which collection it belongs to
 * (2027Q1, 2027S1, 2027N9, 2027); a coarser period's roll-up adds up the finer periods' reports.
 */
export const CollectionSchema = v.strictObject({
  frequency: v.picklist(['monthly', 'quarterly', 'six-monthly', 'nine-month', 'annual']),
  /** The levels that fill the form at this frequency (among the regime's reporters). */
  levels: v.pipe(v.array(LevelSchema), v.minLength(1)),
  recipientKind: v.optional(RecipientKindSchema),
  deadlineWorkingDays: v.optional(DeadlinesSchema, {}),
  deadlineDays: v.optional(CalendarDayDeadlinesSchema),
  deadlineBasis: v.optional(v.string()),
  /** The rounds of this frequency; a collection without it has the official round only. */
  rounds: v.optional(RoundsSchema),
  note: v.optional(v.string()),
});
export type Collection = v.InferOutput<typeof CollectionSchema>;

export const TemplateDefaultsSchema = v.strictObject({
  valueType: v.optional(ValueTypeSchema),
  decimals: v.optional(decimals),
  aggregation: v.optional(AggregationSchema),
  unit: v.optional(v.string()),
  /** Lowest value an input number cell accepts unless its row says otherwise (counts are >= 0). */
  min: v.optional(v.number()),
});

export const TemplateFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a template id is kebab-case')),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** First period (an id of this template's frequency) that uses this version. */
  effectiveFrom: v.pipe(v.string(), v.minLength(1)),
  formNumber: v.string(),
  /**
   * Who defined the form: `regulation` (default), a form issued with a legal document (Biểu số
   * 06/VPCP/KSTT of Thông tư 01/2020/TT-VPCP); `project`, this system's own, which its metadata and the
   * printed form say, and whose number must not look like a ministry's ("01/CQS").
   */
  definedBy: v.optional(v.picklist(['regulation', 'project'])),
  title: label,
  unitOfMeasure: v.optional(v.string()),
  frequency: FrequencySchema,
  calendar: CalendarSchema,
  adhocPeriods: v.optional(v.array(AdhocPeriodSchema)),
  /** Further frequencies of the same version, each with its own reporters and deadlines. */
  collections: v.optional(v.array(CollectionSchema)),
  regime: RegimeSchema,
  defaults: v.optional(TemplateDefaultsSchema),
  columns: v.pipe(v.array(ColumnSchema), v.minLength(1)),
  rows: v.pipe(v.array(RowSchema), v.minLength(1)),
  cellFormulas: v.optional(v.array(CellFormulaSchema)),
  rules: v.optional(v.array(RuleSchema)),
  crossRules: v.optional(v.array(CrossRuleSchema)),
  sections: v.optional(v.array(SectionSchema)),
  notes: v.optional(v.array(NoteSchema)),
  /**
   * Set by the system when it writes a template's lists out for a period (and a unit's own report);
   * never written in a file (the loader refuses it).
   */
  expandedFor: v.optional(v.strictObject({ periodId: v.optional(v.string()), unit: v.optional(v.string()) })),
});
export type TemplateFile = v.InferOutput<typeof TemplateFileSchema>;
