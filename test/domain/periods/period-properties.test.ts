// Properties of the windows over every day from 2015 to 2035: they tile time without gaps or
// overlaps, periodContaining agrees with them, and stepping back a period or a year is consistent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../schema/template';
import {
  addDays,
  comparePeriodIds,
  periodContaining,
  periodFromId,
  periodsOfYear,
  periodsOfYearUpTo,
  previousPeriod,
  samePeriodLastYear,
  type Period,
  type PeriodSpec,
} from '../../../domain/periods';

const FIRST_DAY = '2015-01-01';
const LAST_DAY = '2035-12-31';
const TILING = ['monthly', 'quarterly', 'six-monthly', 'annual'] as const;
const CALENDARS: Calendar[] = ['decree09', 'calendar'];
const SPECS: PeriodSpec[] = [...TILING, 'nine-month' as const].flatMap((frequency) =>
  CALENDARS.map((calendar) => ({ frequency, calendar })),
);

function everyDay(): string[] {
  const days: string[] = [];
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) days.push(day);
  return days;
}
const DAYS = everyDay();
const YEARS = Array.from({ length: 2036 - 2015 + 1 }, (_, i) => 2015 + i); // 2036 holds late Dec 2035
const periodsAround = (spec: PeriodSpec): Period[] => YEARS.flatMap((year) => periodsOfYear(spec, year));
const name = (spec: PeriodSpec) => `${spec.frequency} (${spec.calendar})`;

describe.each(TILING.flatMap((frequency) => CALENDARS.map((calendar) => ({ frequency, calendar }))))(
  'every day from 2015 to 2035, $frequency in the $calendar calendar',
  (spec) => {
    const periods = periodsAround(spec);

    it('falls in exactly one period, the one periodContaining returns', () => {
      expect(DAYS).toHaveLength(21 * 365 + 5); // leap years 2016, 2020, 2024, 2028, 2032
      for (const day of DAYS) {
        const holding = periods.filter((p) => p.start <= day && day <= p.end);
        expect(holding, `${day} in ${name(spec)}`).toHaveLength(1);
        expect(periodContaining(spec, day)).toEqual(holding[0]);
      }
    });

    it('has consecutive windows that touch: next.start is the day after prev.end', () => {
      for (let i = 1; i < periods.length; i += 1) {
        const [prev, next] = [periods[i - 1], periods[i]];
        expect(next?.start, `${prev?.id} → ${next?.id}`).toBe(prev && addDays(prev.end, 1));
      }
    });
  },
);

describe.each(CALENDARS)('nine-month periods in the %s calendar', (calendar) => {
  const spec: PeriodSpec = { frequency: 'nine-month', calendar };

  it('hold a date when the window of its year does, and nothing else', () => {
    for (const day of DAYS) {
      const year = Number(day.slice(0, 4));
      const candidates = [year, year + 1].map((y) => periodsOfYear(spec, y)[0]).filter((p) => p && p.start <= day && day <= p.end);
      expect(periodContaining(spec, day), day).toEqual(candidates[0]);
      expect(candidates.length).toBeLessThanOrEqual(1);
    }
  });
});

describe.each(SPECS)('stepping between periods: $frequency in the $calendar calendar', (spec) => {
  const periods = periodsAround(spec).filter((p) => p.year >= 2016 && p.year <= 2035);

  it('round-trips every id through periodFromId', () => {
    for (const p of periods) expect(periodFromId(spec, p.id)).toEqual(p);
  });

  it('steps back to the previous period, which sorts just before', () => {
    for (const p of periods) {
      const prev = previousPeriod(spec, p);
      expect(prev, p.id).toBeDefined();
      if (!prev) continue;
      expect(comparePeriodIds(spec, prev.id, p.id)).toBeLessThan(0);
      if (spec.frequency !== 'nine-month') {
        expect(addDays(prev.end, 1)).toBe(p.start);
        expect(periodContaining(spec, addDays(p.start, -1))).toEqual(prev);
      } else {
        expect(prev.year).toBe(p.year - 1);
      }
    }
  });

  it('steps back a year to the same period, whose id differs only in the year', () => {
    for (const p of periods) {
      const last = samePeriodLastYear(spec, p);
      expect(last, p.id).toMatchObject({ year: p.year - 1, index: p.index, label: p.label.replace(String(p.year), String(p.year - 1)) });
      expect(last?.id).toBe(`${p.year - 1}${p.id.slice(4)}`);
      expect(last?.start.slice(5)).toBe(p.start.slice(5));
    }
  });

  it('lists the year to date from the first period of the year up to p', () => {
    for (const p of periods) {
      const ytd = periodsOfYearUpTo(spec, p);
      expect(ytd.at(-1)).toEqual(p);
      expect(ytd.every((q) => q.year === p.year)).toBe(true);
      expect(ytd).toHaveLength(spec.frequency === 'nine-month' || spec.frequency === 'annual' ? 1 : p.index);
    }
  });
});

describe('periodContaining against random dates (fast-check)', () => {
  const date = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it.each(SPECS)('returns a period of $frequency ($calendar) whose window holds the date', (spec) => {
    fc.assert(
      fc.property(date, (day) => {
        const p = periodContaining(spec, day);
        if (spec.frequency === 'nine-month' && !p) return true;
        return p !== undefined && p.start <= day && day <= p.end && periodFromId(spec, p.id)?.start === p.start;
      }),
      { numRuns: 2000 },
    );
  });
});
