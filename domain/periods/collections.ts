// The collections of a form version: its main frequency (the regime's reporters and deadlines) and any
// further frequency it is collected at (`collections`), each with its own levels and deadlines. A period
// id belongs to the collection whose frequency parses it.
import type { Collection, Level, Round, Rounds, TemplateFile } from '../../schema/template';
import { type DeadlineRules, deadlineRulesOf } from './deadline-rules';
import { type Period, type PeriodSpec, periodFromId } from './periods';

export interface CollectionSpec extends PeriodSpec {
  /** undefined for the main collection: the regime's reporters decide who fills it. */
  levels?: readonly Level[];
  rules: DeadlineRules;
  /** The deadlines of the preliminary round (số ước), when the collection has one. */
  preliminary?: DeadlineRules;
  /** Index in `collections`, or undefined for the main one (for messages: collections[i]). */
  index?: number;
}

type CollectionFields = Pick<TemplateFile, 'frequency' | 'calendar' | 'adhocPeriods' | 'regime'> & { collections?: Collection[] };

/** The main collection first, then the template's further ones. */
export function collectionsOf(file: CollectionFields): CollectionSpec[] {
  const main: CollectionSpec = {
    frequency: file.frequency,
    calendar: file.calendar,
    adhocPeriods: file.adhocPeriods,
    rules: deadlineRulesOf(file.regime),
    ...preliminaryOf(file.regime.rounds),
  };
  const more = (file.collections ?? []).map(
    (c, index): CollectionSpec => ({
      frequency: c.frequency,
      calendar: file.calendar,
      levels: c.levels,
      rules: deadlineRulesOf(c),
      ...preliminaryOf(c.rounds),
      index,
    }),
  );
  return [main, ...more];
}

/** The collection a period id belongs to, with the period; undefined for an id of no collection. */
export function collectionOfPeriod(file: CollectionFields, periodId: string): { collection: CollectionSpec; period: Period } | undefined {
  for (const collection of collectionsOf(file)) {
    const period = periodFromId(collection, periodId);
    if (period) return { collection, period };
  }
  return undefined;
}

// A preliminary estimate is the unit's own regime's deadline, never Art. 13's report to the Government.
const preliminaryOf = (rounds: Rounds | undefined): Pick<CollectionSpec, 'preliminary'> =>
  rounds?.preliminary ? { preliminary: deadlineRulesOf(rounds.preliminary) } : {};

/**
 * The deadline rules of the period's collection (the regime's for the main one or an unknown id), for
 * one round: the official one by default, or the preliminary one (empty rules where it has none).
 */
export function deadlineRulesForPeriod(file: CollectionFields, periodId: string, round: Round = 'official'): DeadlineRules {
  const collection = collectionOfPeriod(file, periodId)?.collection;
  if (round === 'preliminary') return collection?.preliminary ?? {};
  return collection?.rules ?? deadlineRulesOf(file.regime);
}

/** The rounds a period of the form is reported in: official always, preliminary first where declared. */
export function roundsOfPeriod(file: CollectionFields, periodId: string): Round[] {
  return collectionOfPeriod(file, periodId)?.collection.preliminary ? ['preliminary', 'official'] : ['official'];
}
