// Period roll-ups: a monthly form read for a quarter, a half-year, nine months or a year, and a
// quarterly one for a half-year or a year. Each cell combines over the form's periods the way its
// aggregation says over time (flows add up, stocks take the latest value), as ytd() does.
import type { Frequency } from '../../schema/template';
import { type Period, type PeriodSpec, periodFromId, periodsOfYear } from '../periods';
import type { CellValues } from '../template/cell-key';
import { combine, overPeriods } from '../template/combine';
import type { CompiledTemplate } from '../template/types';

const COARSER: readonly Frequency[] = ['quarterly', 'six-monthly', 'nine-month', 'annual'];

/**
 * A period of a coarser frequency than the form's, with the form's periods that tile its window
 * (oldest first); undefined when the id is none, or the form's periods do not tile it exactly.
 */
export function coarserPeriod(spec: PeriodSpec, id: string): { period: Period; members: Period[]; spec: PeriodSpec } | undefined {
  if (spec.frequency === 'adhoc') return undefined;
  for (const frequency of COARSER) {
    if (frequency === spec.frequency) continue;
    const coarse: PeriodSpec = { frequency, calendar: spec.calendar };
    const period = periodFromId(coarse, id);
    if (!period) continue;
    const members = [period.year - 1, period.year]
      .flatMap((y) => periodsOfYear(spec, y))
      .filter((p) => p.start >= period.start && p.end <= period.end);
    if (members.length < 2 || members[0]!.start !== period.start || members.at(-1)!.end !== period.end) return undefined;
    for (let i = 1; i < members.length; i++) if (members[i - 1]!.end >= members[i]!.start) return undefined;
    return { period, members, spec: coarse };
  }
  return undefined;
}

/** The inputs of a span from the inputs of its periods (oldest first; undefined = no data that period). */
export function combinePeriods(ct: CompiledTemplate, perPeriod: readonly (CellValues | undefined)[]): CellValues | undefined {
  if (perPeriod.every((v) => v === undefined)) return undefined;
  const out: CellValues = new Map();
  for (const spec of ct.inputCells) {
    if (spec.valueType === 'text') continue;
    const mode = overPeriods(spec.aggregation);
    if (mode === undefined) continue;
    const value = combine(
      perPeriod.map((v) => v?.get(spec.key)),
      mode,
    );
    if (value !== undefined) out.set(spec.key, value);
  }
  return out;
}
