// Queries over the effective-dated unit table: the tree in force on a date, and a unit by code.
import { and, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { units, unitSuccessions } from '../../schema/db';
import { buildUnitTree, type TreeUnit, type UnitTree } from '../../domain/unit-tree';
import { indexHistory, type UnitHistoryIndex } from '../../domain/unit-succession';
import type { Db } from './client';

const inForceOn = (date: string) =>
  and(lte(units.validFrom, date), or(isNull(units.validTo), gte(units.validTo, date)));

const columns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  level: units.level,
  sector: units.sector,
  parentId: units.parentId,
};

export async function loadUnitTree(db: Db, date: string): Promise<UnitTree> {
  const rows: TreeUnit[] = await db.select(columns).from(units).where(inForceOn(date));
  return buildUnitTree(date, rows);
}

/** The unit holding a code on a date; undefined when no unit held it then. */
export async function findUnitAt(db: Db, code: string, date: string): Promise<TreeUnit | undefined> {
  const [row] = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), inForceOn(date)))
    .limit(1);
  return row;
}

/** The unit that holds a code on a date, else the last one that held it (a user's merged unit). */
export async function findUnitAtOrBefore(db: Db, code: string, date: string): Promise<TreeUnit | undefined> {
  const current = await findUnitAt(db, code, date);
  if (current) return current;
  const [latest] = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), lte(units.validFrom, date)))
    .orderBy(desc(units.validFrom))
    .limit(1);
  return latest;
}

/** Unit versions by id, with their validity: what a role is held on. */
export async function findUnitVersions(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...columns, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(inArray(units.id, ids));
}

/**
 * Unit trees by date, cached: the hierarchy changes only when an admin imports a unit list, and
 * every report request needs the tree of its period's last day.
 */
export interface UnitTrees {
  at(date: string): Promise<UnitTree>;
  /** Every unit version's span and the successions between them: a unit's past across reforms. */
  history(): Promise<UnitHistoryIndex>;
  invalidate(): void;
}

export async function loadUnitHistory(db: Db): Promise<UnitHistoryIndex> {
  const spans = await db.select({ id: units.id, validFrom: units.validFrom, validTo: units.validTo }).from(units);
  const successions = await db.select().from(unitSuccessions);
  return indexHistory(spans, successions);
}

export function createUnitTrees(db: Db, maxDates = 64): UnitTrees {
  const cache = new Map<string, Promise<UnitTree>>();
  let history: Promise<UnitHistoryIndex> | undefined;
  return {
    history() {
      history ??= loadUnitHistory(db);
      history.catch(() => (history = undefined));
      return history;
    },
    at(date) {
      let tree = cache.get(date);
      if (!tree) {
        tree = loadUnitTree(db, date);
        tree.catch(() => cache.delete(date));
        if (cache.size >= maxDates) cache.delete(cache.keys().next().value as string);
        cache.set(date, tree);
      }
      return tree;
    },
    invalidate: () => {
      cache.clear();
      history = undefined;
    },
  };
}
